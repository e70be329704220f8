using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ChatOps.Web.Hubs;

/// <summary>The hub's connected clients, each with its own <see cref="HubOutbox"/>; the hub adds and removes them.</summary>
internal sealed class HubSubscribers : IDisposable
{
    private readonly ConcurrentDictionary<string, HubOutbox> _outboxes = new();
    private readonly Func<string, IChatOpsClient> _clientOf;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lostByGone; // what connections lost before they left: a count since start must not shrink when one goes

    public HubSubscribers(IHubContext<ChatOpsHub, IChatOpsClient> hub, TimeProvider time, ILogger<HubSubscribers> logger)
        : this(hub.Clients.Client, time, logger)
    {
    }

    /// <summary>For tests: <paramref name="clientOf"/> gives the proxy that sends to one connection.</summary>
    internal HubSubscribers(Func<string, IChatOpsClient> clientOf, TimeProvider time, ILogger logger)
    {
        _clientOf = clientOf;
        _time = time;
        _logger = logger;
    }

    public int Count => _outboxes.Count;

    /// <summary>
    /// Events hub clients lost, since start, because they did not take them as fast as they came: the connected ones and
    /// those gone since (SignalR closes a client that stops reading, after its send or client timeout).
    /// </summary>
    public long Lost => Interlocked.Read(ref _lostByGone) + _outboxes.Values.Sum(o => o.Lost);

    public void Add(string connectionId) =>
        _outboxes.TryAdd(connectionId, new HubOutbox(connectionId, _clientOf(connectionId), _time, _logger));

    public void Remove(string connectionId)
    {
        if (_outboxes.TryRemove(connectionId, out var outbox))
        {
            outbox.Complete();
            Interlocked.Add(ref _lostByGone, outbox.Lost);
        }
    }

    /// <summary>Queues one message for every connection; never waits for any of them.</summary>
    public void Offer(HubEvent[] message)
    {
        foreach (var outbox in _outboxes.Values)
            outbox.Offer(message);
    }

    /// <summary>As <see cref="Offer(HubEvent[])"/>, and returns the connections it was queued for.</summary>
    public string[] OfferAndList(HubEvent[] message)
    {
        var offered = new List<string>(_outboxes.Count);
        foreach (var (connectionId, outbox) in _outboxes)
        {
            outbox.Offer(message);
            offered.Add(connectionId);
        }
        return [.. offered];
    }

    /// <summary>Lets every connection send what is queued (the engine's last events), until <paramref name="cancellationToken"/>.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var outboxes = _outboxes.Values.ToList();
        foreach (var outbox in outboxes)
            outbox.Complete();
        await Task.WhenAll(outboxes.Select(o => o.Completion)).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        foreach (var outbox in _outboxes.Values)
            outbox.Complete();
    }
}
