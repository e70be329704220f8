using System.CommandLine;

namespace ChatOps.Cli.Bench;

internal static class FanoutCommand
{
    public static Command Create()
    {
        var host = BenchOptions.Host();
        var port = BenchOptions.Ports();
        var clients = BenchOptions.Clients(10);
        var senders = new Option<int>("--senders", "-s") { Description = "How many of the clients send (default: all).", DefaultValueFactory = _ => 0 };
        var rate = new Option<int>("--rate", "-r") { Description = "Lines per second per sender; 0 sends as fast as the window allows (default 100).", DefaultValueFactory = _ => 100 };
        var duration = BenchOptions.Seconds("--duration", "Measured time", 10);
        var warmup = BenchOptions.Seconds("--warmup", "Sending before measuring", 2);
        var window = new Option<int>("--window") { Description = "With --rate 0: lines in flight per sender at most (default 64).", DefaultValueFactory = _ => 64 };
        var windowAck = new Option<string>("--window-ack")
        {
            Description = "With --rate 0: who acknowledges a sender's window. witness: one fixed client, as in real chat, so senders don't wait for the slowest reader; slowest: the slowest open client (default witness).",
            DefaultValueFactory = _ => "witness",
        };
        windowAck.AcceptOnlyFromAmong("witness", "slowest");
        var lineBytes = new Option<int>("--line-bytes") { Description = "Bytes per line with its newline (default 64).", DefaultValueFactory = _ => 64 };
        var slowReaders = new Option<int>("--slow-readers") { Description = "Extra clients that connect and never read (default 0).", DefaultValueFactory = _ => 0 };
        var connectTimeout = BenchOptions.Seconds("--connect-timeout", "Give up on a handshake after", 10);
        var connectParallel = new Option<int>("--connect-parallel") { Description = "Handshakes in flight at once; 0 connects every client at once (default 0). A relay with a short listen backlog drops part of a burst.", DefaultValueFactory = _ => 0 };
        var pid = BenchOptions.ServerPids();
        var json = BenchOptions.JsonOutput();
        var quiet = BenchOptions.Quiet();

        var command = new Command("fanout", "N clients, S of them sending: offered and delivered lines/s, loss, repeats, latency, connect times, CPU. Several ports: the clients spread across a cluster's hosts.")
        {
            host, port, clients, senders, rate, duration, warmup, window, windowAck, lineBytes, slowReaders, connectTimeout, connectParallel, pid, json, quiet,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var servers = result.GetValue(port)!.Select(p => BenchOptions.Loopback(result.GetValue(host)!, p, Console.Error)).ToArray();
            if (servers.Length == 0 || servers.Any(s => s is null))
                return 2;
            var n = result.GetValue(clients);
            var settings = new FanoutSettings([.. servers.OfType<System.Net.IPEndPoint>()], n, result.GetValue(senders) is > 0 and var s ? s : n, result.GetValue(rate),
                TimeSpan.FromSeconds(result.GetValue(duration)), TimeSpan.FromSeconds(result.GetValue(warmup)), result.GetValue(window),
                result.GetValue(lineBytes), result.GetValue(slowReaders), result.GetValue(pid) ?? [], TimeSpan.FromSeconds(result.GetValue(connectTimeout)), result.GetValue(connectParallel),
                result.GetValue(windowAck) == "slowest" ? WindowAck.Slowest : WindowAck.Witness);
            if (settings.Problem() is { } problem)
            {
                await Console.Error.WriteLineAsync($"chatops bench fanout: {problem}.");
                return 2;
            }
            var report = await FanoutRun.RunAsync(settings, new ProgressLine(Console.Error, result.GetValue(quiet)), cancellationToken);
            BenchOptions.Print(report, result.GetValue(json), report.ToText(), Console.Out);
            return report.Error is null ? 0 : 1;
        });
        return command;
    }
}
