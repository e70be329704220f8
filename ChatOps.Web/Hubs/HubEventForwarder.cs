using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.Web.Cluster;
using ChatOps.Web.Dashboard;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Hubs;

/// <summary>
/// Follows the engine's events (subscribing before the engine starts) and hands them to every hub connection in batches:
/// it waits for one event, then takes whatever else is already queued, then rests <see cref="DashboardOptions.HubInterval"/>.
/// A lone event leaves at once; under a flood, the hub's work is bounded and what its queue cannot hold is dropped and
/// logged, so hub clients never take the relay's CPU (see docs/performance.md). It never waits for a connection: each
/// has its own <see cref="HubOutbox"/>, so one that stops reading delays no other (dotnet/aspnetcore#33582). In a
/// cluster, the <see cref="HubBackplane"/> also sends each message to the other hosts' hub clients.
/// </summary>
internal sealed class HubEventForwarder(
    ChatServer server,
    HubSubscribers subscribers,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<HubEventForwarder> logger,
    HubBackplane? backplane = null) : IHostedService
{
    /// <summary>
    /// Default 512. Bounds one message (at most 512 lines of <c>Chat:MaxLineBytes</c> plus metadata) so a client never has
    /// to take one huge frame; with <see cref="DashboardOptions.HubInterval"/> it sets how much a flood can send.
    /// A constant, not an option: the subscription's own capacity is what bounds memory, and no client needs another value.
    /// </summary>
    public const int MaxEventsPerMessage = 512;

    private static readonly TimeSpan DropReportInterval = TimeSpan.FromSeconds(5);

    private EventSubscription? _events;
    private Task _loop = Task.CompletedTask;
    private long _droppedSeen;
    private DateTimeOffset _droppedLogged;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _events = server.Events.Subscribe();
        _loop = RunAsync(_events);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Ending the subscription lets the events already queued (the shutdown among them) go out, then ends the loop.
        _events?.Dispose();
        await _loop.WaitAsync(cancellationToken);
        await subscribers.DrainAsync(cancellationToken);
        if (backplane is not null)
            await backplane.DrainAsync(cancellationToken);
    }

    // At most one warning every few seconds: a flood must not become a flood of log lines.
    private void ReportDropped(EventSubscription events)
    {
        var dropped = events.Dropped;
        var now = time.GetUtcNow();
        if (dropped == _droppedSeen || now - _droppedLogged < DropReportInterval)
            return;
        DashboardLog.HubDropped(logger, dropped - _droppedSeen);
        (_droppedSeen, _droppedLogged) = (dropped, now);
    }

    private async Task RunAsync(EventSubscription events)
    {
        await foreach (var received in events.ReadBatchesAsync(MaxEventsPerMessage, options.Value.HubInterval, time))
        {
            // One array for every connection: it is never changed after, and each connection serializes it on its own.
            var message = new HubEvent[received.Count];
            for (var i = 0; i < message.Length; i++)
                message[i] = HubEvent.From(received[i], backplane?.HostId);
            // In a cluster, the other hosts' hub clients get it through Redis, and the connections here only once.
            if (backplane is null)
                subscribers.Offer(message);
            else
                backplane.Offer(message, subscribers.OfferAndList(message));
            ReportDropped(events);
        }
    }
}
