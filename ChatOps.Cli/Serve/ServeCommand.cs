using System.CommandLine;
using ChatOps.TcpEngine;

namespace ChatOps.Cli.Serve;

internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port", "-p") { Description = "TCP port for the students (default 7070; 0 picks a free one)." };
        var mode = new Option<ChatMode?>("--mode", "-m") { Description = "echo (exercise 1), sync or async (exercise 2), relay (exercise 3, default)." };
        var bind = new Option<string?>("--bind") { Description = "Address to listen on (default *: every interface)." };
        var noArret = new Option<bool>("--no-client-arret") { Description = "Refuse arret from clients (the operator can still type arret)." };
        var rooms = new Option<RoomArgument[]>("--room", "-r")
        {
            Description = "A room NAME:PORT:MODE (e.g. ex1:7071:echo); repeat it for several exercises at once. Instead of --port and --mode.",
            CustomParser = r => [.. r.Tokens.Select(t => RoomArgument.Parse(t.Value, r))],
            AllowMultipleArgumentsPerToken = false,
        };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics (docs/operations.md)." };
        metricsPort.Validators.Add(r =>
        {
            if (r.GetValue(metricsPort) is < 1 or > 65535)
                r.AddError("--metrics-port must be a port number from 1 to 65535.");
        });

        var command = new Command("serve", "Run the chat engine without the web dashboard; this console is the operator's keyboard and screen.")
        {
            port,
            mode,
            bind,
            noArret,
            rooms,
            metricsPort,
        };
        command.Validators.Add(r =>
        {
            // GetResult, not GetValue: a --room that did not parse has its own error, and its value cannot be read.
            if (r.GetResult(rooms) is { Tokens.Count: > 0 } && (r.GetResult(port) is not null || r.GetResult(mode) is not null))
                r.AddError("--room replaces --port and --mode: give the port and mode of each room in --room NAME:PORT:MODE.");
        });
        command.SetAction((result, cancellationToken) =>
        {
            var overrides = new ServeOverrides(result.GetValue(port), result.GetValue(mode), result.GetValue(bind), result.GetValue(noArret),
                result.GetValue(rooms) ?? [])
            {
                MetricsPort = result.GetValue(metricsPort),
            };
            return ServeHost.RunAsync(overrides, Console.In, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }
}

/// <summary>Command-line flags; each one given wins over configuration (appsettings.json, Chat__* environment variables).</summary>
internal sealed record ServeOverrides(int? Port, ChatMode? Mode, string? Bind, bool NoClientArret, IReadOnlyList<RoomArgument>? Rooms = null)
{
    public int? MetricsPort { get; init; }

    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        if (Port is { } p)
            yield return new("Chat:Port", p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Mode is { } m)
            yield return new("Chat:Mode", m.ToString());
        if (Bind is { } b)
            yield return new("Chat:BindAddress", b);
        if (NoClientArret)
            yield return new("Chat:AllowClientArret", "false");
        foreach (var room in Rooms ?? [])
        {
            yield return new($"Chat:Rooms:{room.Name}:Port", room.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            yield return new($"Chat:Rooms:{room.Name}:Mode", room.Mode.ToString());
        }
        if (MetricsPort is { } metrics)
            yield return new(Metrics.ServeMetrics.PortKey, metrics.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
