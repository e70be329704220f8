using System.IO.Pipelines;
using ChatOps.TcpEngine.Decoding;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>The read loop: bytes → <see cref="InboundDecoder"/> → lines for the room, with one pause timer.</summary>
internal sealed partial class ClientSession
{
    private ITimer? _pauseTimer;
    private bool _pauseArmed;
    private int _pauseDue;
    private long _lastBytesAt;
    private int _wroteSinceRead;

    private async Task ReadLoopAsync()
    {
        var input = _connection.Input;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync();
            }
            catch (Exception ex) when (ExpectedDisconnect.Is(ex))
            {
                // A reset or an abort ends the input like a FIN: what was held is handled the same way.
                _peerClosed = true;
                EndOfInput(halfClose: false);
                return;
            }

            var buffer = result.Buffer;
            var now = _time.GetUtcNow();
            if (!buffer.IsEmpty)
            {
                // A line was written to the client since its last bytes: what it sends now is a new burst, even
                // within the message gap (a C client fed from a pipe writes its next padded buffer at once).
                if (Interlocked.Exchange(ref _wroteSinceRead, 0) == 1)
                    _decoder.NewBurst();
                Counters.Received(buffer.Length, now.UtcTicks);
                Trail.Received(buffer, now);
                _lastBytesAt = _time.GetTimestamp();
                if (!IsClosing)
                    WatchForProxyHeader(buffer);
                if (!IsClosing)
                    Decode(buffer);
            }
            input.AdvanceTo(buffer.End);

            if (result.IsCanceled)
            {
                // Cancelled by the pause timer, or by a close or an abort: only the first goes on.
                if (Interlocked.Exchange(ref _pauseDue, 0) == 0 || IsClosing)
                    return;
                OnPauseTimer();
            }
            if (IsClosing)
                return;
            // Before the replies go out: a client that reads its echo then sees its snapshot without the bytes it ended.
            Counters.Unfinished(_decoder.PendingBytes, now.UtcTicks);
            _host.Flush(this);
            ArmPauseTimer();

            if (result.IsCompleted)
            {
                _peerClosed = true;
                EndOfInput(halfClose: true);
                return;
            }
            if (_host.FullRecipient(this) is { } full)
                await WaitForRoomAsync(full);
        }
    }

    private void Decode(in System.Buffers.ReadOnlySequence<byte> buffer)
    {
        _decoder.Decode(buffer, this);
        ApplyDecoderState();
        if (_decoder.EncodingKnown)
            _spoke.TrySetResult();
    }

    // The pause timer cancelled the pending read: a pause of MessageGap with bytes held ends the message, unless bytes
    // arrived since (then the timer is armed again for the rest of the gap). Bytes waiting unread in the socket mean the
    // pause was ours (a starved thread, flow control holding the reads), not the client's: the read takes them next.
    private void OnPauseTimer()
    {
        var quiet = _time.GetElapsedTime(_lastBytesAt);
        if (quiet < _options.MessageGap || _connection.HasUnreadInput)
            return;
        _decoder.Silence(this);
        ApplyDecoderState();
    }

    private void ArmPauseTimer()
    {
        if (!_decoder.AwaitsSilence || IsClosing)
        {
            if (_pauseArmed)
            {
                _pauseTimer!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _pauseArmed = false;
            }
            return;
        }
        var remaining = _options.MessageGap - _time.GetElapsedTime(_lastBytesAt);
        if (remaining < TimeSpan.FromMilliseconds(1))
            remaining = TimeSpan.FromMilliseconds(1);
        _pauseTimer ??= _time.CreateTimer(static s => ((ClientSession)s!).PauseElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _pauseTimer.Change(remaining, Timeout.InfiniteTimeSpan);
        _pauseArmed = true;
    }

    // On a timer thread: only wake the read loop, which owns the decoder.
    private void PauseElapsed()
    {
        Volatile.Write(ref _pauseDue, 1);
        _connection.Input.CancelPendingRead();
    }

    private void EndOfInput(bool halfClose)
    {
        _spoke.TrySetResult();
        _pauseTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (IsClosing)
            return;
        var dropped = _decoder.End(this);
        ApplyDecoderState();
        _host.Flush(this);
        if (dropped > 0 && !IsClosing)
            _host.OnViolation(this, ViolationKind.UnfinishedLineAtClose, $"{dropped} bytes without a newline were dropped when the connection {(halfClose ? "closed" : "was reset")}");
        Counters.Unfinished(0, _time.GetUtcNow().UtcTicks);
        if (!halfClose || IsClosing)
            return;
        InputEnded = true;
        Flag(ClientTraits.HalfClosed);
        _host.OnInputEnded(this);
    }

    // What the decoder learned: new traits are reported once each, and replies follow the client's encoding.
    private void ApplyDecoderState()
    {
        _reply = _decoder.Reply;
        _replyCrLf = _decoder.ReplyCrLf;
        var added = _decoder.Seen & ~Counters.Traits;
        if (added != ClientTraits.None)
            Flag(added);
    }

    private void Flag(ClientTraits added)
    {
        added &= ~Counters.Traits;
        Counters.Set(added);
        // Lines ending in \n are what every reader expects: shown on the connection, not worth an event of their own.
        foreach (var (_, label, hint) in TraitHints.Of(added & ~ClientTraits.LineFeed))
            _host.OnViolation(this, ViolationKind.Dialect, $"{label}: {hint}");
    }

    void IInboundSink.OnLine(string text)
    {
        // After bye (or a cut) the rest of the read is ignored: nothing a closing client sends goes anywhere.
        if (IsClosing)
            return;
        // What this line taught the decoder (its encoding, telnet) applies to the reply it may get at once (echo).
        ApplyDecoderState();
        var blank = string.IsNullOrWhiteSpace(text);
        var word = blank ? ProtocolWord.None : ProtocolWords.Parse(text);
        // bye and arret always get through: a client must be able to leave even while it is being rate-limited.
        // Blank lines and control-only lines count like any line: they are what a runaway loop sends most.
        if (word == ProtocolWord.None && !_rate.TryTake())
        {
            OnDropped(ViolationKind.RateLimited, $"more than {_options.MaxLinesPerSecond} lines per second; extra lines dropped", Notices.SlowDown(_options.MaxLinesPerSecond));
            return;
        }
        _netDropped = Math.Max(0, _netDropped - 1);
        _warned = false;
        if (blank)
            return;
        Counters.LineIn();
        if (word != ProtocolWord.None)
            _host.Flush(this);
        _host.OnLine(this, text, word);
    }

    void IInboundSink.OnTooLong(bool unfinished)
    {
        if (IsClosing)
            return;
        _rate.TryTake();
        var max = _options.MaxLineBytes;
        if (unfinished)
            OnDropped(ViolationKind.LineTooLong, $"more than {max} bytes without a line end or a pause dropped", Notices.MessageTooLong(max));
        else
            OnDropped(ViolationKind.LineTooLong, $"line longer than {max} bytes dropped", Notices.LineTooLong(max));
    }

    private void OnDropped(ViolationKind kind, string detail, string notice)
    {
        Counters.LineDropped();
        if (++_netDropped >= _options.FloodDisconnectAfter)
        {
            _host.Flush(this);
            _host.OnViolation(this, ViolationKind.RateLimited, "disconnected for flooding");
            Close(DisconnectReason.Flood, Notices.Flooding());
            return;
        }
        if (_warned)
            return;
        // One notice per burst, not one per dropped line: the notices must not become a flood of their own.
        _warned = true;
        _host.OnViolation(this, kind, detail);
        TrySend(notice);
    }
}
