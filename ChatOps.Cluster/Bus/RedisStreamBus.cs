using System.Collections.Immutable;
using System.Threading.Channels;
using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Bus;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatOps.Cluster.Bus;

/// <summary>
/// A room's fan-out shared by every host through one Redis stream (docs/cluster.md). A broadcast is appended to the
/// stream (<c>XADD … MAXLEN ~</c>, pipelined by batch, with one wake-up on a pub/sub channel per batch), and every host
/// delivers the stream's entries to its own clients in stream order, its own included: the same order on every host.
/// While Redis is down the host delivers its own broadcasts at once, keeps them (<see cref="OutageBacklog"/>) and
/// appends them when Redis answers again; each origin's sequence numbers make every entry delivered once.
/// </summary>
/// <remarks>
/// StackExchange.Redis multiplexes one connection and so does not offer <c>XREAD BLOCK</c>: the reader sleeps on the
/// wake-up channel (and at most <see cref="IdlePoll"/>, for a wake-up lost while reconnecting) and reads with a plain
/// <c>XREAD</c> from the last id it delivered, which also resumes a stream after an outage.
/// </remarks>
internal sealed class RedisStreamBus : IChatBus, IAsyncDisposable
{
    /// <summary>The longest a reader waits for a wake-up before it reads anyway.</summary>
    internal static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(200);

    private readonly RedisLink _link;
    private readonly ILogger _logger;
    private readonly RedisKey _stream;
    private readonly RedisChannel _wake;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly OutageBacklog _backlog;
    private readonly OriginSequences _delivered = new();
    private readonly SemaphoreSlim _wakeUp = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private ImmutableArray<Action<ChatBroadcast>> _subscribers = [];
    private long _sequence;
    private readonly Lock _own = new();
    private long _ownDelivered; // the last of this host's own broadcasts delivered, by the reader or the writer (under _own)
    private readonly Queue<Outgoing> _inFlight = new(); // appended, not yet read back (under _own)
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _writer;
    private Task? _reader;

    public RedisStreamBus(string room, RedisLink link, ILogger logger)
    {
        Room = room;
        _link = link;
        _logger = logger;
        var prefix = link.Options.KeyPrefix;
        _stream = $"{prefix}:room:{room}:stream";
        _wake = RedisChannel.Literal($"{prefix}:room:{room}:wake");
        _backlog = new OutageBacklog(link.Options.OutageBacklog);
    }

    public string Room { get; }

    /// <summary>
    /// Completes when the reader knows where the stream ends and listens for wake-ups: from then on every line appended
    /// by any host reaches this host's clients. Until then this host's own lines are delivered locally (as when Redis is
    /// down) and appended later.
    /// </summary>
    public Task Reading => _reading.Task;

    public void Publish(ChatBroadcast message) =>
        _outgoing.Writer.TryWrite(new Outgoing(Interlocked.Increment(ref _sequence), message));

    /// <summary>The first subscriber (the room) starts the writer and the reader; they run until the bus is disposed.</summary>
    public IDisposable Subscribe(Action<ChatBroadcast> deliver)
    {
        ImmutableInterlocked.Update(ref _subscribers, static (list, d) => list.Add(d), deliver);
        lock (_stop)
        {
            if (_writer is null)
            {
                _writer = Task.Run(() => WriteAsync(_stop.Token));
                _reader = Task.Run(() => ReadAsync(_stop.Token));
            }
        }
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _subscribers, static (list, d) => list.Remove(d), deliver));
    }

    private void Deliver(ChatBroadcast message)
    {
        foreach (var deliver in _subscribers)
            deliver(message);
    }

    private void Wake()
    {
        // One pending wake-up is enough: the reader reads everything there is when it wakes.
        if (_wakeUp.CurrentCount == 0)
        {
            try
            {
                _wakeUp.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread released it in between: the reader wakes once, as wanted.
            }
        }
    }

    private async Task WriteAsync(CancellationToken stop)
    {
        var batch = new List<Outgoing>(_link.Options.WriteBatch);
        Task<bool>? more = null; // one wait on the channel at a time (a single reader)
        try
        {
            while (true)
            {
                if (_backlog.Count == 0 || !CanAppend)
                {
                    more ??= _outgoing.Reader.WaitToReadAsync(stop).AsTask();
                    if (_backlog.Count > 0)
                    {
                        // Redis back: append the backlog. A wait that ends otherwise (stopping, the link disposed) ends here.
                        var canAppend = CanAppendAsync(stop);
                        await Task.WhenAny(more, canAppend).ConfigureAwait(false);
                        stop.ThrowIfCancellationRequested();
                        if (canAppend.IsFaulted)
                            return;
                    }
                    else
                    {
                        await more.ConfigureAwait(false);
                    }
                    if (more.IsCompleted)
                    {
                        if (!await more.ConfigureAwait(false))
                            return;
                        more = null;
                    }
                }
                if (!CanAppend)
                {
                    while (_outgoing.Reader.TryRead(out var next))
                        Keep(next);
                    continue;
                }
                batch.Clear();
                _backlog.TakeInto(batch, _link.Options.WriteBatch);
                while (batch.Count < _link.Options.WriteBatch && _outgoing.Reader.TryRead(out var next))
                    batch.Add(next);
                if (await AppendAsync(batch).ConfigureAwait(false))
                {
                    InFlight(batch);
                }
                else
                {
                    // The batch may still have landed (a hung Redis runs it when it wakes): the sequence numbers let
                    // every host, this one included, deliver each entry once however many times it is appended.
                    DeliverInFlight();
                    foreach (var item in batch)
                        Keep(item);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // The link went first (the host is stopping).
        }
        catch (Exception e)
        {
            ClusterLog.BusFailed(_logger, Room, e);
        }
    }

    private bool CanAppend => _link.IsUp && _reading.Task.IsCompleted;

    private async Task CanAppendAsync(CancellationToken stop)
    {
        await _reading.Task.WaitAsync(stop).ConfigureAwait(false);
        await _link.WhenUpAsync(stop).ConfigureAwait(false);
    }

    /// <summary>Redis is down: the host's own broadcast reaches its own clients now, and waits in the backlog for the others.</summary>
    private void Keep(Outgoing item)
    {
        DeliverOwn(item.Sequence, item.Message);
        _backlog.Add(item);
        if (_backlog.TakeDropped() is var dropped and > 0)
            ClusterLog.BacklogDropped(_logger, Room, dropped);
    }

    /// <summary>
    /// Delivers one of this host's own broadcasts once, in order, whether it comes back through the stream (the reader)
    /// or is delivered without it while Redis is down (the writer): the later path finds its sequence passed.
    /// </summary>
    private void DeliverOwn(long sequence, ChatBroadcast message)
    {
        lock (_own)
            DeliverOwnLocked(sequence, message);
    }

    private void DeliverOwnLocked(long sequence, ChatBroadcast message)
    {
        if (sequence <= _ownDelivered)
            return;
        _ownDelivered = sequence;
        while (_inFlight.TryPeek(out var done) && done.Sequence <= sequence)
            _inFlight.Dequeue();
        Deliver(message);
    }

    /// <summary>Appended, not yet read back: kept until the reader delivers them, or Redis fails first.</summary>
    private void InFlight(List<Outgoing> appended)
    {
        lock (_own)
        {
            foreach (var item in appended)
            {
                if (item.Sequence > _ownDelivered)
                    _inFlight.Enqueue(item);
            }
        }
    }

    /// <summary>
    /// Redis failed with some of this host's lines appended but not yet read back: they reach this host's clients now,
    /// before anything later (else the later lines would pass them, and the reader would find them already passed).
    /// </summary>
    private void DeliverInFlight()
    {
        lock (_own)
        {
            while (_inFlight.TryDequeue(out var item))
                DeliverOwnLocked(item.Sequence, item.Message);
        }
    }

    private async Task<bool> AppendAsync(List<Outgoing> batch)
    {
        if (batch.Count == 0)
            return true;
        var options = _link.Options;
        try
        {
            await _link.RunAsync(async db =>
            {
                var pipe = db.CreateBatch();
                var appends = new Task[batch.Count + 1];
                for (var i = 0; i < batch.Count; i++)
                {
                    var fields = StreamEntryCodec.Encode(options.HostId, _instance, batch[i].Sequence, batch[i].Message);
                    appends[i] = pipe.StreamAddAsync(_stream, fields, maxLength: options.StreamMaxLength, useApproximateMaxLength: true);
                }
                appends[^1] = pipe.PublishAsync(_wake, RedisValue.EmptyString);
                pipe.Execute();
                await Task.WhenAll(appends).ConfigureAwait(false);
                return true;
            }, "XADD").ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return false;
        }
    }

    private async Task ReadAsync(CancellationToken stop)
    {
        RedisValue last = RedisValue.Null;
        var listening = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!_link.IsUp)
                {
                    await _link.WhenUpAsync(stop).ConfigureAwait(false);
                    continue;
                }
                try
                {
                    if (!listening)
                    {
                        // Kept by the library across reconnects once registered; a wake-up lost meanwhile costs IdlePoll.
                        await _link.Connection.GetSubscriber().SubscribeAsync(_wake, (_, _) => Wake()).WaitAsync(_link.Options.HangTimeout, stop).ConfigureAwait(false);
                        listening = true;
                    }
                    // A host that starts reads what is appended from now on: what the room said before it joined is history.
                    if (last.IsNull)
                    {
                        last = await LastIdAsync().ConfigureAwait(false);
                        _reading.TrySetResult();
                        ClusterLog.Sharing(_logger, Room, _link.Options.HostId);
                    }
                    var entries = await _link.RunAsync(db => db.StreamReadAsync(_stream, last, _link.Options.ReadBatch), "XREAD").ConfigureAwait(false);
                    foreach (var entry in entries)
                    {
                        DeliverEntry(entry);
                        last = entry.Id;
                    }
                    if (entries.Length < _link.Options.ReadBatch)
                        await _wakeUp.WaitAsync(IdlePoll, stop).ConfigureAwait(false);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    // Marked down by RunAsync; the loop waits for the probe to see Redis again, then reads on from `last`.
                    // This host's lines appended just before cannot be read back meanwhile: its clients get them now.
                    DeliverInFlight();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // The link went first (the host is stopping).
        }
        catch (Exception e)
        {
            ClusterLog.BusFailed(_logger, Room, e);
        }
    }

    private async Task<RedisValue> LastIdAsync()
    {
        var newest = await _link.RunAsync(db => db.StreamRangeAsync(_stream, "-", "+", 1, Order.Descending), "XREVRANGE").ConfigureAwait(false);
        return newest.Length == 0 ? "0-0" : newest[0].Id;
    }

    private void DeliverEntry(StreamEntry entry)
    {
        if (StreamEntryCodec.Decode(entry) is not { } decoded)
        {
            ClusterLog.BadEntry(_logger, Room, entry.Id.ToString());
            return;
        }
        if (decoded.HostId == _link.Options.HostId && decoded.Instance == _instance)
            DeliverOwn(decoded.Sequence, decoded.Broadcast with { ExceptSessionId = decoded.SenderSessionId });
        else if (_delivered.Advance(decoded.Origin, decoded.Sequence)) // false: appended twice, delivered the first time
            Deliver(decoded.Broadcast);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _outgoing.Writer.TryComplete();
        await Task.WhenAll(_writer ?? Task.CompletedTask, _reader ?? Task.CompletedTask).ConfigureAwait(false);
        _stop.Dispose();
        _wakeUp.Dispose();
    }

    internal sealed record Outgoing(long Sequence, ChatBroadcast Message);

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
