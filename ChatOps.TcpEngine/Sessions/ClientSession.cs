using System.Buffers;
using System.IO.Pipelines;
using ChatOps.TcpEngine.Decoding;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Transport;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// One connected client. <see cref="RunAsync"/> is the connection: it completes when the connection is over.
/// Incoming bytes go through one <see cref="InboundDecoder"/> on one read loop and the lines it yields go to the room;
/// every outgoing line goes through one bounded queue drained by one write loop, so no two writers ever touch the socket.
/// The session owns its life, as Kestrel's socket connection does: <see cref="Close"/> and <see cref="Abort"/> only
/// signal (record the reason, complete the queue, cut the socket), from any thread; leaving the room — the leave notice,
/// the next client served, the disconnect event — runs once, on the session's own task, when the connection is over.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The close deadline and the pause timer are disposed when RunAsync ends, and every session is run.")]
internal sealed partial class ClientSession : IInboundSink
{
    private readonly ChatConnection _connection;
    private readonly ISessionHost _host;
    private readonly ChatOptions _options;
    private readonly TimeProvider _time;
    private readonly OutgoingQueue _outgoing;
    private readonly InboundDecoder _decoder;
    private readonly LineRateLimiter _rate;
    private readonly CancellationTokenSource _closeDeadline = new();
    private readonly TaskCompletionSource _spoke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _leftRoom = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closing;
    private int _left;
    private bool _peerClosed;
    private int _netDropped;
    private bool _warned;
    private byte[]? _relayPrefix;
    private volatile ReplyEncoding _reply;
    private volatile bool _replyCrLf;

    public ClientSession(long id, ChatConnection connection, ISessionHost host, ChatOptions options, TimeProvider time)
    {
        Id = id;
        _connection = connection;
        _host = host;
        _options = options;
        _time = time;
        Address = IpText.Normalize(connection.RemoteEndPoint.Address);
        Ip = IpText.Format(Address);
        Port = connection.RemoteEndPoint.Port;
        ConnectedAt = time.GetUtcNow();
        _decoder = new InboundDecoder(options.MaxLineBytes, options.Framing);
        _rate = new LineRateLimiter(options.MaxLinesPerSecond, options.LineBurst, time);
        _outgoing = new OutgoingQueue(options.MaxQueuedLines);
        Counters.Received(0, ConnectedAt.UtcTicks);
    }

    public long Id { get; }
    public System.Net.IPAddress Address { get; }
    public string Ip { get; }
    public int Port { get; }
    public DateTimeOffset ConnectedAt { get; }
    public SessionCounters Counters { get; } = new();
    public ByteTrail Trail { get; } = new();
    public bool IsClosing => Volatile.Read(ref _closing) != 0;
    public DisconnectReason? CloseReason { get; private set; }

    /// <summary>Completes once the session has left its room: its last lines are written (or it was cut), the room forgot it.</summary>
    public Task Left => _leftRoom.Task;

    /// <summary>True once the client shut down its sending side: it only reads now (see <see cref="ISessionHost.OnInputEnded"/>).</summary>
    public bool InputEnded { get; private set; }

    /// <summary>The relay's lines from the current network read, fanned out once the read is done.</summary>
    public LineGatherer Gathered { get; } = new();

    /// <summary><c>[ip] </c> encoded, for the relay: computed on the first relayed line.</summary>
    public byte[] RelayPrefix => _relayPrefix ??= WireFormat.RelayedPrefix(Ip);

    /// <summary>The mode the session joined, so that leaving is handled by the same mode even across a mode switch.</summary>
    public Modes.ModeBehavior? JoinedMode { get; set; }

    /// <summary>Queues a line (already encoded, with its newline). A client whose queue is full is cut: it stopped reading.</summary>
    public bool TrySend(ReadOnlyMemory<byte> line) => TrySend(new OutgoingLines(line, 1));

    /// <inheritdoc cref="TrySend(ReadOnlyMemory{byte})"/>
    public bool TrySend(OutgoingLines lines)
    {
        if (_outgoing.TryWrite(lines))
            return true;
        if (!IsClosing)
            Abort(DisconnectReason.TooSlow);
        return false;
    }

    public bool TrySend(string line) => TrySend(WireFormat.Encode(line));

    /// <summary>Sends <paramref name="notice"/> as the last line, then closes gracefully (bounded by CloseTimeout).</summary>
    public void Close(DisconnectReason reason, string? notice = null)
    {
        if (!BeginClose(reason))
            return;
        if (notice is not null)
            _outgoing.TryWrite(WireFormat.Encode(notice));
        _outgoing.Complete();
        Cut(after: _options.CloseTimeout);
        // Wake the read loop: the session ends as soon as its last lines are written.
        _connection.Input.CancelPendingRead();
    }

    /// <summary>Cuts the connection without draining the queue.</summary>
    public void Abort(DisconnectReason reason)
    {
        BeginClose(reason);
        _outgoing.Complete();
        Cut(after: null);
    }

    /// <summary>Runs the connection to its end, then leaves the room. A fault is rethrown after the session has left.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (!ExpectedDisconnect.Is(ex))
        {
            // A bug, not a client: the session still leaves (no ghost counted forever), and the engine logs it.
            BeginClose(DisconnectReason.Error);
            throw;
        }
        finally
        {
            _closeDeadline.Dispose();
            _pauseTimer?.Dispose();
            LeaveRoom();
        }
    }

    private async Task RunConnectionAsync(CancellationToken cancellationToken)
    {
        using var abortOnDeadline = _closeDeadline.Token.Register(static c => ((ChatConnection)c!).Abort(), _connection);
        using var abortOnCancel = cancellationToken.Register(static s => ((ClientSession)s!).Abort(DisconnectReason.Shutdown), this);
        var writing = WriteLoopAsync();
        try
        {
            await ReadLoopAsync();
            if (InputEnded)
            {
                // The client only shut down its sending side: it stays a reader until its room has nothing more for it,
                // or it is gone for good (TCP cannot tell a full close from a half-close until the peer answers with a reset).
                await WhileReaderAsync(writing);
            }
            else if (BeginClose(DisconnectReason.ClosedByPeer))
            {
                // The peer closed: let the write loop drain what is queued, within the close deadline.
                _closeDeadline.CancelAfter(_options.CloseTimeout);
            }
        }
        catch
        {
            Abort(DisconnectReason.Error);
            throw;
        }
        finally
        {
            _outgoing.Complete();
            await writing;
        }

        // Nothing more goes to the client or comes from it: the room forgets it now, not after the lingering below.
        LeaveRoom();
        if (!_peerClosed)
            await LingerAsync();
        await _connection.DisposeAsync();
    }

    private void LeaveRoom()
    {
        if (Interlocked.Exchange(ref _left, 1) != 0)
            return;
        BeginClose(DisconnectReason.ClosedByPeer);
        try
        {
            _host.OnClosed(this, CloseReason ?? DisconnectReason.ClosedByPeer);
        }
        finally
        {
            _leftRoom.TrySetResult();
        }
    }

    // We closed first: read and ignore what the client still sends until it closes too, within the close deadline, so
    // the kernel ends the connection with a FIN after our last lines instead of a reset that could destroy them.
    private async Task LingerAsync()
    {
        var input = _connection.Input;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || (result.IsCanceled && Interlocked.Exchange(ref _pauseDue, 0) == 0))
                    return;
            }
        }
        catch (Exception ex) when (ExpectedDisconnect.Is(ex))
        {
            // The deadline cut it, or the client reset: either way the connection is over.
        }
    }

    // Close and Abort come from other threads (operator, stop, relay) and may race with the connection ending on its
    // own, which disposes the deadline: then there is nothing left to cut.
    private void Cut(TimeSpan? after)
    {
        try
        {
            if (after is { } delay)
                _closeDeadline.CancelAfter(delay);
            else
                _closeDeadline.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    // Only records the reason: the room learns of it when the connection is over (RunAsync's finally).
    private bool BeginClose(DisconnectReason reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return false;
        CloseReason = reason;
        // A closing notice (arret, kicked, server full) goes out at once, whatever the client has said.
        _spoke.TrySetResult();
        return true;
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var first = true;
            while (await _outgoing.WaitToReadAsync())
            {
                if (first)
                {
                    first = false;
                    await WaitForFirstBytesAsync();
                }
                // Coalesce: everything queued so far goes out in one write.
                var batch = _outgoing.TakeAll();
                EncodeForClient(batch);
                Counters.Sent(batch);
                Trail.Sent(batch, _time.GetUtcNow());
                if (!await _connection.WriteAsync(batch))
                    break;
                Volatile.Write(ref _wroteSinceRead, 1);
            }
            _connection.ShutdownOutput();
        }
        catch (Exception ex) when (ExpectedDisconnect.Is(ex))
        {
            // The client left or was cut while we wrote: its remaining lines have nobody to go to.
        }
    }

    private async Task WhileReaderAsync(Task writing)
    {
        using var watch = new CancellationTokenSource();
        var gone = _connection.PeerGoneAsync(watch.Token);
        if (await Task.WhenAny(writing, gone) == gone)
            Abort(DisconnectReason.ClosedByPeer);
        await watch.CancelAsync();
        // The write loop ends when a write fails too: the reader left while we wrote to it.
        if (BeginClose(DisconnectReason.ClosedByPeer))
            _outgoing.Complete();
    }

    // A client that writes UTF-16, writeUTF, Windows-1252 or telnet reads the same: only such clients pay a copy. Done
    // at write time, so lines queued before the client first spoke (a welcome) follow the encoding it turned out to use.
    private void EncodeForClient(List<OutgoingLines> batch)
    {
        var encoding = _reply;
        var crLf = _replyCrLf;
        if (encoding == ReplyEncoding.Utf8 && !crLf)
            return;
        for (var i = 0; i < batch.Count; i++)
            batch[i] = batch[i] with { Bytes = ReplyEncoder.Encode(batch[i].Bytes.Span, encoding, crLf) };
    }

    // The first lines wait (at most Chat:FirstLinesWait) until the client speaks: a UTF-16 or writeUTF client misreads
    // everything after a UTF-8 welcome. A client that only listens gets them after the wait.
    private async Task WaitForFirstBytesAsync()
    {
        if (_spoke.Task.IsCompleted)
            return;
        await Task.WhenAny(_spoke.Task, Task.Delay(_options.FirstLinesWait, _time));
    }

}
