using System.Threading.Channels;
using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Redis;
using ChatOps.Web.Hubs;
using ChatOps.Web.Subscribers;
using Microsoft.AspNetCore.SignalR;

namespace ChatOps.Web.Cluster;

/// <summary>
/// With <c>Cluster:Redis</c>, sends this host's hub events to the hub clients of the other hosts through SignalR's Redis
/// backplane: one <c>Clients.AllExcept</c> per message, excluding the connections of this host that already got it from
/// their own <see cref="HubOutbox"/>. So every hub client gets each event once: its own host's events locally (even
/// while Redis is down), the others' through Redis. Like an outbox, it has its own bounded queue and loop, so Redis,
/// slow or down, never holds the forwarder; what it cannot send is counted and logged.
/// </summary>
internal sealed class HubBackplane : IDisposable
{
    /// <summary>Messages the backplane may fall behind by, as for one hub connection (<see cref="HubOutbox.Capacity"/>).</summary>
    public const int Capacity = HubOutbox.Capacity;

    private readonly Channel<(HubEvent[] Message, string[] Excluded)> _queue =
        Channel.CreateBounded<(HubEvent[] Message, string[] Excluded)>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    private readonly IHubContext<ChatOpsHub, IChatOpsClient> _hub;
    private readonly RedisLink _link;
    private readonly ILogger _logger;
    private readonly LossCounter _lost;
    private readonly Task _loop;

    public HubBackplane(IHubContext<ChatOpsHub, IChatOpsClient> hub, RedisLink link, TimeProvider time, ILogger<HubBackplane> logger)
    {
        _hub = hub;
        _link = link;
        _logger = logger;
        _lost = new LossCounter(time);
        _loop = RunAsync();
        ClusterLog.HubShared(logger, HostId);
    }

    /// <summary>This host's id, on every event it sends (<see cref="HubEvent.Host"/>).</summary>
    public string HostId => _link.Options.HostId;

    /// <summary>
    /// Queues <paramref name="message"/> for every hub connection but <paramref name="excluded"/> (those this host
    /// delivered it to); never waits. Dropped, and counted, while Redis is down or when the queue is full.
    /// </summary>
    public void Offer(HubEvent[] message, string[] excluded)
    {
        if (!_link.IsUp || !_queue.Writer.TryWrite((message, excluded)))
            Lose(message.Length);
    }

    /// <summary>Sends what is queued, then ends, until <paramref name="cancellationToken"/>.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_lost.TakeDue(force: true, out var lost))
            ClusterLog.HubEventsNotShared(_logger, lost);
    }

    private void Lose(long count)
    {
        if (_lost.Add(count, out var lost))
            ClusterLog.HubEventsNotShared(_logger, lost);
    }

    private async Task RunAsync()
    {
        await foreach (var (message, excluded) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                // A PUBLISH: bounded by the hang timeout, so a hung Redis costs this loop seconds, not the library's default.
                await _hub.Clients.AllExcept(excluded).EngineEvents(message).WaitAsync(_link.Options.HangTimeout).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Redis down or hung (RedisException, TimeoutException): these events stay on this host; the next may pass.
                Lose(message.Length);
            }
        }
    }

    public void Dispose() => _queue.Writer.TryComplete();
}
