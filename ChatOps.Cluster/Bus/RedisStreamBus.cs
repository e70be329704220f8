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
    private readonly Channel<SequencedBroadcast> _outgoing = Channel.CreateUnbounded<SequencedBroadcast>(new UnboundedChannelOptions { SingleReader = true });
    private readonly OutageBacklog _backlog;
    private readonly OriginSequences _delivered = new();
    private readonly OwnLines _own;
    private readonly WakeSignal _wakeUp = new();
    private readonly StreamAppender _appender;
    private readonly CancellationTokenSource _stop = new();
    private readonly InProcessChatBus _local = new(); // this host's subscribers: what the stream delivers goes to them
    private readonly Func<CancellationToken, Task>? _beforeRead;
    private readonly Lock _publishing = new();
    private long _sequence; // under _publishing
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _writer;
    private Task? _reader;

    /// <param name="beforeRead">
    /// Awaited before each <c>XREAD</c>: tests hold the reader there to keep this host's appended lines unread (in flight)
    /// when Redis fails. None in production.
    /// </param>
    public RedisStreamBus(string room, RedisLink link, ILogger logger, Func<CancellationToken, Task>? beforeRead = null)
    {
        _beforeRead = beforeRead;
        Room = room;
        _link = link;
        _logger = logger;
        var prefix = link.Options.KeyPrefix;
        _stream = $"{prefix}:room:{room}:stream";
        _wake = RedisChannel.Literal($"{prefix}:room:{room}:wake");
        _backlog = new OutageBacklog(link.Options.OutageBacklog);
        _own = new OwnLines(Deliver);
        _appender = new StreamAppender(link, _stream, _wake, _instance);
    }

    public string Room { get; }

    /// <summary>
    /// Completes when the reader knows where the stream ends and listens for wake-ups: from then on every line appended
    /// by any host reaches this host's clients. Until then this host's own lines are delivered locally (as when Redis is
    /// down) and appended later.
    /// </summary>
    public Task Reading => _reading.Task;

    public void Publish(ChatBroadcast message)
    {
        // Numbered and queued in one step: the sessions of a room publish from their own read loops at once, and a
        // number queued after a higher one would be appended after it, where every host takes it for an entry appended
        // twice and skips it (bench/compare.sh's chatops-cluster3 lost whole entries on the other hosts this way).
        lock (_publishing)
            _outgoing.Writer.TryWrite(new SequencedBroadcast(++_sequence, message));
    }

    /// <summary>The first subscriber (the room) starts the writer and the reader; they run until the bus is disposed.</summary>
    public IDisposable Subscribe(Action<ChatBroadcast> deliver)
    {
        var subscription = _local.Subscribe(deliver);
        lock (_stop)
        {
            if (_writer is null)
            {
                _writer = Task.Run(() => WriteAsync(_stop.Token));
                _reader = Task.Run(() => ReadAsync(_stop.Token));
            }
        }
        return subscription;
    }

    private void Deliver(ChatBroadcast message) => _local.Publish(message);

    private async Task WriteAsync(CancellationToken stop)
    {
        var batch = new List<SequencedBroadcast>(_link.Options.WriteBatch);
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
                if (await _appender.AppendAsync(batch).ConfigureAwait(false))
                {
                    _own.Appended(batch);
                }
                else
                {
                    // The batch may still have landed (a hung Redis runs it when it wakes): the sequence numbers let
                    // every host, this one included, deliver each entry once however many times it is appended.
                    _own.DeliverInFlight();
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
    private void Keep(SequencedBroadcast item)
    {
        _own.Deliver(item.Sequence, item.Message);
        _backlog.Add(item);
        if (_backlog.TakeDropped() is var dropped and > 0)
            ClusterLog.BacklogDropped(_logger, Room, dropped);
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
                        await _link.Connection.GetSubscriber().SubscribeAsync(_wake, (_, _) => _wakeUp.Set()).WaitAsync(_link.Options.HangTimeout, stop).ConfigureAwait(false);
                        listening = true;
                    }
                    // A host that starts reads what is appended from now on: what the room said before it joined is history.
                    if (last.IsNull)
                    {
                        last = await LastIdAsync().ConfigureAwait(false);
                        _reading.TrySetResult();
                        ClusterLog.Sharing(_logger, Room, _link.Options.HostId);
                    }
                    if (_beforeRead is not null)
                        await _beforeRead(stop).ConfigureAwait(false);
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
                    _own.DeliverInFlight();
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
            _own.Deliver(decoded.Sequence, decoded.Broadcast with { ExceptSessionId = decoded.SenderSessionId });
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
}
