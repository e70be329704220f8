using ChatOps.Cli.Localization;
using ChatOps.Cli.Metrics;
using ChatOps.Cluster.Hosting;
using ChatOps.Cluster.Options;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Hosting;
using ChatOps.TcpEngine.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Cli.Serve;

/// <summary>
/// <c>chatops serve</c>: the engine in a generic host (the same wiring as the web host, configuration included), with the
/// console as the operator's screen and keyboard. Ends with exit code 0 on arret or Ctrl+C.
/// </summary>
internal static class ServeHost
{
    public static async Task<int> RunAsync(ServeOverrides overrides, TextReader keyboard, TextWriter screen, TextWriter errors, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(overrides.ToConfiguration());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        // Start-up failures are reported below as one line; the host's own report would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddServeMetrics(builder.Configuration);
        // Cluster__Redis: see docs/cluster.md. Redis going down or coming back is worth a console line, like a room's start.
        builder.Services.AddChatOpsCluster(builder.Configuration);
        builder.Logging.AddFilter("ChatOps.Cluster", LogLevel.Information);
        builder.Services.AddChatEngine();
        // A typo in appsettings.json or a Chat__* variable would otherwise be ignored, or rejected naming a .NET type.
        var problems = ConfigurationCheck.Problems<ChatOptions>(builder.Configuration, ChatOptions.SectionName)
            .Concat(ConfigurationCheck.Problems<ClusterOptions>(builder.Configuration, ClusterOptions.SectionName)).ToList();
        foreach (var problem in problems)
            await errors.WriteLineAsync($"chatops: {problem}");
        if (problems.Count > 0)
            return 1;

        using var host = builder.Build();
        ChatServer server;
        EventSubscription events;
        try
        {
            // Resolving the rooms validates their options: a wrong value fails here, before anything listens.
            server = host.Services.GetRequiredService<ChatServer>();
            events = server.Events.Subscribe(wants: ChatEventFeed.AllButDeliveries); // The console prints what was received.
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (StartFailure(ex) is { } message)
        {
            await errors.WriteLineAsync($"chatops: {message}");
            return 1;
        }

        await PrintBannerAsync(server, screen);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var printing = EventPrinter.RunAsync(events, screen, lifetime, server);
        var typing = Task.Run(() => OperatorKeyboard.RunAsync(server, keyboard, screen, lifetime.ApplicationStopping), CancellationToken.None);
        await host.WaitForShutdownAsync(cancellationToken);
        events.Dispose();
        await printing;
        return typing.IsFaulted ? 1 : 0;
    }

    private static string? StartFailure(Exception ex) => ex switch
    {
        OptionsValidationException v => string.Join(" ", v.Failures),
        ChatEngineStartException s => s.Message,
        // The configuration binder's message names the key and the value (e.g. an unknown Chat:Mode).
        InvalidOperationException i => i.Message,
        // The metrics listener (serve --metrics-port) could not listen: the port is taken, or not allowed.
        System.Net.HttpListenerException h => $"{Metrics.ServeMetrics.PortKey}: {h.Message}",
        _ => null,
    };

    private static async Task PrintBannerAsync(ChatServer server, TextWriter screen)
    {
        if (server.Rooms is [var engine])
        {
            var endpoint = engine.LocalEndPoint!;
            await screen.WriteLineAsync(CliText.Format("Serve.Banner", Lower(engine.Mode), endpoint.Port));
            foreach (var hint in ConnectHints.Lines(endpoint))
                await screen.WriteLineAsync($"  {hint}");
            await screen.WriteLineAsync(engine.Mode switch
            {
                TcpEngine.ChatMode.Sync => CliText.Get("Serve.HelpSync"),
                TcpEngine.ChatMode.Async => CliText.Get("Serve.HelpAsync"),
                _ => CliText.Get("Serve.HelpAll"),
            });
            return;
        }
        await screen.WriteLineAsync(CliText.Format("Serve.RoomsBanner", server.Rooms.Count));
        foreach (var room in server.Rooms)
        {
            var endpoint = room.LocalEndPoint!;
            await screen.WriteLineAsync(CliText.Format("Serve.RoomLine", room.Name, Lower(room.Mode), endpoint.Port, ConnectHints.Lines(endpoint)[0]));
        }
        await screen.WriteLineAsync(CliText.Format("Serve.HelpRooms", server.Rooms[0].Name));
    }

    private static string Lower(TcpEngine.ChatMode mode) => mode.ToString().ToLowerInvariant();
}
