using System.Buffers;
using System.IO.Pipelines;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Framing;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Transport;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// One connected client. <see cref="RunAsync"/> is the connection: it completes when the connection is over.
/// Incoming bytes are framed, cleaned and handed to the room on one read loop; every outgoing line goes through one
/// bounded queue drained by one write loop, so no two writers ever touch the socket.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The close deadline is disposed when RunAsync ends, and every session is run.")]
internal sealed class ClientSession
{
    private readonly ChatConnection _connection;
    private readonly ISessionHost _host;
    private readonly ChatOptions _options;
    private readonly TimeProvider _time;
    private readonly OutgoingQueue _outgoing;
    private readonly LineFramer _framer;
    private readonly LineRateLimiter _rate;
    private readonly CancellationTokenSource _closeDeadline = new();
    private int _closing;
    private int _netDropped;
    private bool _warnedRate;
    private byte[]? _relayPrefix;

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
        _framer = new LineFramer(options.MaxLineBytes);
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
    public bool IsClosing => Volatile.Read(ref _closing) != 0;
    public DisconnectReason? CloseReason { get; private set; }

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
    }

    /// <summary>Cuts the connection without draining the queue.</summary>
    public void Abort(DisconnectReason reason)
    {
        BeginClose(reason);
        _outgoing.Complete();
        Cut(after: null);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunConnectionAsync(cancellationToken);
        }
        finally
        {
            _closeDeadline.Dispose();
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
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            // A reset or an abort ends the read loop; it is how TCP connections usually end, not a fault.
        }

        // The peer closed (or we did): let the write loop drain what is queued, within the close deadline.
        if (BeginClose(DisconnectReason.ClosedByPeer))
            _closeDeadline.CancelAfter(_options.CloseTimeout);
        _outgoing.Complete();
        await writing;
        await _connection.DisposeAsync();
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

    private bool BeginClose(DisconnectReason reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return false;
        CloseReason = reason;
        _host.OnClosing(this, reason);
        return true;
    }

    private async Task ReadLoopAsync()
    {
        var input = _connection.Input;
        long held = 0;
        while (true)
        {
            var result = await input.ReadAsync();
            var buffer = result.Buffer;
            Counters.Received(buffer.Length - held, _time.GetUtcNow().UtcTicks);

            while (!IsClosing && _framer.TryRead(ref buffer, out var line) is var frame && frame != FrameResult.NeedMore)
            {
                if (frame == FrameResult.TooLong)
                    OnLineTooLong();
                else
                    OnFramedLine(line);
            }
            _host.Flush(this);

            if (IsClosing)
                buffer = buffer.Slice(buffer.End); // Past close, input is drained and ignored until the peer leaves.
            held = buffer.Length;
            Counters.Unfinished((int)held, _time.GetUtcNow().UtcTicks);
            input.AdvanceTo(buffer.Start, buffer.End);

            if (result.IsCompleted || result.IsCanceled)
            {
                if (held > 0 && !IsClosing)
                    _host.OnViolation(this, ViolationKind.UnfinishedLineAtClose, $"{held} bytes without a newline were dropped when the connection closed");
                return;
            }
        }
    }

    private void OnLineTooLong()
    {
        _host.OnViolation(this, ViolationKind.LineTooLong, $"line longer than {_options.MaxLineBytes} bytes dropped");
        TrySend(Notices.LineTooLong(_options.MaxLineBytes));
    }

    private void OnFramedLine(ReadOnlySequence<byte> line)
    {
        UpdateLineEnding();
        var rented = ArrayPool<byte>.Shared.Rent((int)line.Length);
        try
        {
            line.CopyTo(rented);
            var length = TelnetFilter.Strip(rented.AsSpan(0, (int)line.Length), rented, out var telnet);
            if (telnet)
                Flag(SessionFlags.Telnet, ViolationKind.Telnet, "telnet negotiation bytes removed");
            var text = TextSanitizer.Decode(rented.AsSpan(0, length), out var invalid);
            if (invalid)
                Flag(SessionFlags.InvalidUtf8, ViolationKind.InvalidUtf8, "invalid UTF-8 replaced with U+FFFD");
            text = TextSanitizer.RemoveControls(text, out var controls);
            if (controls)
                Flag(SessionFlags.ControlCharacters, ViolationKind.ControlCharacters, "control characters removed");
            if (!string.IsNullOrWhiteSpace(text))
                Accept(text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Accept(string text)
    {
        Counters.LineIn();
        var word = ProtocolWords.Parse(text);
        // bye and arret always get through: a client must be able to leave even while it is being rate-limited.
        if (word == ProtocolWord.None && !_rate.TryTake())
        {
            OnRateLimited();
            return;
        }
        _netDropped = Math.Max(0, _netDropped - 1);
        _warnedRate = false;
        if (word != ProtocolWord.None)
            _host.Flush(this);
        _host.OnLine(this, text, word);
    }

    private void OnRateLimited()
    {
        if (++_netDropped >= _options.FloodDisconnectAfter)
        {
            _host.Flush(this);
            _host.OnViolation(this, ViolationKind.RateLimited, "disconnected for flooding");
            Close(DisconnectReason.Flood, Notices.Flooding());
            return;
        }
        if (_warnedRate)
            return;
        // One notice per burst, not one per dropped line: the notices must not become a flood of their own.
        _warnedRate = true;
        _host.OnViolation(this, ViolationKind.RateLimited, $"more than {_options.MaxLinesPerSecond} lines per second; extra lines dropped");
        TrySend(Notices.SlowDown(_options.MaxLinesPerSecond));
    }

    // Each diagnostic is reported once per session: the flag is what the dashboard shows, the event is its first sighting.
    private void Flag(SessionFlags flag, ViolationKind kind, string detail)
    {
        if (Counters.Has(flag))
            return;
        Counters.Set(flag);
        _host.OnViolation(this, kind, detail);
    }

    private void UpdateLineEnding()
    {
        if (_framer.SawCarriageReturn)
            Counters.Set(SessionFlags.SawCrLf);
        if (_framer.SawBareLineFeed)
            Counters.Set(SessionFlags.SawLf);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _outgoing.WaitToReadAsync())
            {
                // Coalesce: everything queued so far goes out in one write.
                var batch = _outgoing.TakeAll();
                Counters.Sent(batch);
                if (!await _connection.WriteAsync(batch))
                    break;
            }
            _connection.ShutdownOutput();
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            // The client left or was cut while we wrote: its remaining lines have nobody to go to.
        }
    }

    private static bool IsDisconnect(Exception ex) =>
        ex is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException or InvalidOperationException;
}
