using System.Threading.Channels;

namespace ChatOps.TcpEngine.Events;

/// <summary>One subscriber's bounded view of the event stream. Dispose to unsubscribe; disposing twice is harmless.</summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Channel<ChatEvent> _channel;
    private readonly Action<EventSubscription> _unsubscribe;
    private readonly Func<ChatEvent, bool>? _wants;
    private long _dropped;
    private int _disposed;

    internal EventSubscription(int capacity, Func<ChatEvent, bool>? wants, Action<EventSubscription> unsubscribe)
    {
        _unsubscribe = unsubscribe;
        _wants = wants;
        _channel = Channel.CreateBounded<ChatEvent>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite },
            _ => Interlocked.Increment(ref _dropped));
    }

    public ChannelReader<ChatEvent> Reader => _channel.Reader;

    /// <summary>Events this subscriber lost because it read too slowly.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// The events in batches, for subscribers that write them out (a console, a hub): waits for one event, takes what
    /// else is queued (at most <paramref name="max"/>), hands the batch over, then rests <paramref name="rest"/> while
    /// the next one gathers. A lone event goes out at once; a flood costs a bounded number of writes, and what the queue
    /// cannot hold meanwhile is dropped and counted. The list is reused: it is valid until the next batch is asked for.
    /// Ends once the subscription is disposed and drained.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ChatEvent>> ReadBatchesAsync(int max, TimeSpan rest, TimeProvider? time = null)
    {
        var reader = _channel.Reader;
        var batch = new List<ChatEvent>();
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < max && reader.TryRead(out var e))
                batch.Add(e);
            yield return batch;
            batch.Clear();
            await Task.Delay(rest, time ?? TimeProvider.System);
        }
    }

    public IAsyncEnumerable<ChatEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    internal void Offer(ChatEvent chatEvent)
    {
        if (_wants is null || _wants(chatEvent))
            _channel.Writer.TryWrite(chatEvent);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
