using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.Web.Dashboard;
using Microsoft.AspNetCore.SignalR;

namespace ChatOps.Web.Hubs;

/// <summary>Follows the engine's events (subscribing before the engine starts) and sends each one to every hub client.</summary>
internal sealed class HubEventForwarder(ChatEngine engine, IHubContext<ChatOpsHub, IChatOpsClient> hub, ILogger<HubEventForwarder> logger)
    : IHostedService
{
    private EventSubscription? _events;
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _events = engine.Events.Subscribe();
        _loop = RunAsync(_events);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Ending the subscription lets the events already queued (the shutdown among them) go out, then ends the loop.
        _events?.Dispose();
        await _loop.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(EventSubscription events)
    {
        await foreach (var e in events.ReadAllAsync())
        {
            try
            {
                await hub.Clients.All.EngineEvent(HubEvent.From(e));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed send must not end the stream for the next events.
                DashboardLog.HubForwardFailed(logger, ex);
            }
        }
    }
}
