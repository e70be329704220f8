using System.CommandLine;

namespace ChatOps.Cli.Bench;

internal static class ConnsCommand
{
    public static Command Create()
    {
        var host = BenchOptions.Host();
        var port = BenchOptions.Port();
        var clients = BenchOptions.Clients(1000);
        var hold = BenchOptions.Seconds("--hold", "How long to hold the idle connections", 5);
        var connectTimeout = BenchOptions.Seconds("--connect-timeout", "Give up on a handshake after", 3);
        var parallel = new Option<int>("--connect-parallel") { Description = "Handshakes in flight at once; 0 means all at once (default 256).", DefaultValueFactory = _ => 256 };
        var maxFailures = new Option<int>("--max-failures") { Description = "Stop trying after this many failed handshakes (default 500).", DefaultValueFactory = _ => 500 };
        var pid = BenchOptions.ServerPid();
        var json = BenchOptions.JsonOutput();
        var quiet = BenchOptions.Quiet();

        var command = new Command("conns", "Hold N idle connections: how many succeed and, with --server-pid, the server's memory per connection.")
        {
            host, port, clients, hold, connectTimeout, parallel, maxFailures, pid, json, quiet,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (BenchOptions.Loopback(result.GetValue(host)!, result.GetValue(port), Console.Error) is not { } server)
                return 2;
            var n = result.GetValue(clients);
            var seconds = result.GetValue(hold);
            if (n is < 1 or > 50_000 || seconds is < 0 or > 600)
            {
                await Console.Error.WriteLineAsync("chatops bench conns: --clients must be between 1 and 50000 and --hold between 0 and 600 s.");
                return 2;
            }
            var report = await ConnsRun.RunAsync(server, n, TimeSpan.FromSeconds(seconds), result.GetValue(pid),
                TimeSpan.FromSeconds(result.GetValue(connectTimeout)), result.GetValue(parallel), result.GetValue(maxFailures), new ProgressLine(Console.Error, result.GetValue(quiet)), cancellationToken);
            BenchOptions.Print(report, result.GetValue(json), report.ToText(), Console.Out);
            return 0;
        });
        return command;
    }
}
