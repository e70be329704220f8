using System.Threading.Channels;
using ChatOps.Web.Dashboard;
using ChatOps.Web.Subscribers;

namespace ChatOps.Web.Hubs;

/// <summary>
/// One hub connection's bounded queue of messages and the single loop that sends them, so a connection that stops
/// reading waits alone (until SignalR's send timeout closes it) and loses only its own events, counted and logged.
/// </summary>
internal sealed class HubOutbox
{
    /// <summary>
    /// Messages one connection may fall behind by. 16 at one message per <see cref="DashboardOptions.HubInterval"/> is
    /// most of a second of a flood, and many seconds of a busy lab. Messages are shared by every connection, so a queue
    /// holds references; at worst (16 full messages of 4 KB lines, events the others have long sent) it keeps ~32 MB alive.
    /// </summary>
    public const int Capacity = 16;

    private readonly Channel<HubEvent[]> _queue = Channel.CreateBounded<HubEvent[]>(
        new BoundedChannelOptions(Capacity) { SingleReader = true });

    private readonly string _connectionId;
    private readonly IChatOpsClient _client;
    private readonly ILogger _logger;
    private readonly LossCounter _lost;
    private readonly LossCounter _failed;

    public HubOutbox(string connectionId, IChatOpsClient client, TimeProvider time, ILogger logger)
    {
        _connectionId = connectionId;
        _client = client;
        _logger = logger;
        _lost = new LossCounter(time);
        _failed = new LossCounter(time);
        Completion = RunAsync();
    }

    /// <summary>Completes once <see cref="Complete"/> was called and what was queued is sent (or failed).</summary>
    public Task Completion { get; }

    /// <summary>Events this connection lost because its queue was full.</summary>
    public long Lost => _lost.Lost;

    /// <summary>Queues a message; never waits. Called by the forwarder's loop only.</summary>
    public void Offer(HubEvent[] message)
    {
        if (!_queue.Writer.TryWrite(message) && _lost.Add(message.Length, out var lost))
            DashboardLog.HubClientMissed(_logger, _connectionId, lost);
    }

    /// <summary>No more messages: the loop sends what is queued, then ends.</summary>
    public void Complete()
    {
        _queue.Writer.TryComplete();
        if (_lost.TakeDue(force: true, out var lost))
            DashboardLog.HubClientMissed(_logger, _connectionId, lost);
    }

    private async Task RunAsync()
    {
        await foreach (var message in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await _client.EngineEvents(message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed send must not end this connection's stream, nor touch anyone else's.
                if (_failed.Add(1, out var failures))
                    DashboardLog.HubForwardFailed(_logger, _connectionId, failures, ex);
            }
        }
    }
}
