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
            metricsPort,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var overrides = new ServeOverrides(result.GetValue(port), result.GetValue(mode), result.GetValue(bind), result.GetValue(noArret))
            {
                MetricsPort = result.GetValue(metricsPort),
            };
            return ServeHost.RunAsync(overrides, Console.In, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }
}

/// <summary>Command-line flags; each one given wins over configuration (appsettings.json, Chat__* environment variables).</summary>
internal sealed record ServeOverrides(int? Port, ChatMode? Mode, string? Bind, bool NoClientArret)
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
        if (MetricsPort is { } metrics)
            yield return new(Metrics.ServeMetrics.PortKey, metrics.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
