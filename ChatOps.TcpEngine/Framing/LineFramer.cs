using System.Buffers;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Framing;

/// <summary>
/// Cuts a connection's 8-bit text (after telnet commands are removed) into frames, per <see cref="FramingMode"/>:
/// <c>\n</c>, <c>\r\n</c>, a bare <c>\r</c>, <c>\r\r\n</c> and telnet's <c>\r\0</c> each end a line; bytes followed by a
/// pause (<see cref="Silence"/>) are a message; a NUL ends a message and the rest of that burst is dropped (a C program's
/// zero padding, or the leftovers of a longer earlier message in a reused buffer).
/// Holds at most <see cref="MaxFrameBytes"/> bytes of an unfinished frame, pooled only while some are held; past that
/// the frame is reported once and skipped up to its end, so a client that never ends a line costs a bounded buffer.
/// </summary>
internal sealed class LineFramer
{
    private static readonly SearchValues<byte> AutoEnds = SearchValues.Create("\n\r\0"u8);
    private static readonly SearchValues<byte> TelnetEnds = SearchValues.Create("\n\r"u8);
    private static readonly SearchValues<byte> StrictEnds = SearchValues.Create("\n"u8);
    private static readonly SearchValues<byte> MessageEnds = SearchValues.Create("\0"u8);

    private SearchValues<byte> _ends;
    private byte[]? _pending;
    private int _pendingLength;
    private bool _skipping;
    private bool _dropping;
    private bool _afterCr;
    private int _crRun;
    private bool _strictCrTrimmed;

    public LineFramer(int maxFrameBytes, FramingMode mode)
    {
        MaxFrameBytes = maxFrameBytes > 0 ? maxFrameBytes : throw new ArgumentOutOfRangeException(nameof(maxFrameBytes));
        Mode = mode;
        _ends = mode switch
        {
            FramingMode.Lines => StrictEnds,
            FramingMode.Messages => MessageEnds,
            _ => AutoEnds,
        };
    }

    public int MaxFrameBytes { get; }

    public FramingMode Mode { get; }

    /// <summary>Whether a pause ends a message (auto and messages framing, until telnet is seen).</summary>
    public bool PauseEndsMessages => _ends == AutoEnds || _ends == MessageEnds;

    /// <summary>The line ends and message kinds seen so far (framing flags of <see cref="ClientTraits"/>).</summary>
    public ClientTraits Seen { get; private set; }

    /// <summary>Bytes of an unfinished frame held (or being skipped): the "forgot the newline" hint when it lasts.</summary>
    public int PendingBytes => _pendingLength;

    /// <summary>True while a pause would change something: a message is held, skipped or its tail dropped.</summary>
    public bool AwaitsSilence => PauseEndsMessages && (_pendingLength > 0 || _skipping || _dropping);

    /// <summary>
    /// A character-mode telnet client sends each key as it is typed, so pauses and NULs no longer end anything: only line
    /// ends do (RFC 854's NVT: NUL is a no-op, <c>\r\0</c> a bare carriage return).
    /// </summary>
    public void UseTelnetLineEnds()
    {
        if (Mode == FramingMode.Auto)
        {
            _ends = TelnetEnds;
            _dropping = false;
        }
    }

    public void Push(ReadOnlySpan<byte> chunk, IFrameSink sink)
    {
        while (!chunk.IsEmpty)
        {
            if (_dropping)
                return;
            if (_afterCr)
            {
                chunk = AfterCarriageReturn(chunk);
                continue;
            }
            var end = chunk.IndexOfAny(_ends);
            if (end < 0)
            {
                Hold(chunk, sink);
                return;
            }
            var terminator = chunk[end];
            var frame = chunk[..end];
            if (terminator == (byte)'\n' && _ends == StrictEnds)
                frame = TrimStrictCarriageReturn(frame);
            Emit(frame, sink);
            OnTerminator(terminator);
            chunk = chunk[(end + 1)..];
        }
    }

    /// <summary>The client paused for the message gap: what is held is a message; a skipped or dropped tail ends.</summary>
    public void Silence(IFrameSink sink)
    {
        if (!PauseEndsMessages)
            return;
        _dropping = false;
        if (_afterCr)
        {
            _afterCr = false;
            Seen |= ClientTraits.BareCr;
        }
        if (_skipping)
        {
            _skipping = false;
            return;
        }
        if (_pendingLength == 0)
            return;
        Seen |= ClientTraits.NoNewline;
        sink.OnFrame(_pending.AsSpan(0, _pendingLength));
        Release();
    }

    /// <summary>
    /// The input ended (FIN or reset). Where pauses end messages, what is held is delivered as one, as a <c>recv()</c>
    /// would return it; otherwise it is dropped and its length returned, so the caller can report it.
    /// </summary>
    public int End(IFrameSink sink)
    {
        if (PauseEndsMessages)
        {
            Silence(sink);
            return 0;
        }
        var dropped = _pendingLength;
        Release();
        _skipping = false;
        return dropped;
    }

    private ReadOnlySpan<byte> AfterCarriageReturn(ReadOnlySpan<byte> chunk)
    {
        switch (chunk[0])
        {
            case (byte)'\r':
                // \r\r\n: a program wrote \r\n through a Windows text-mode stream; the extra \r ends nothing.
                _crRun++;
                return chunk[1..];
            case (byte)'\n':
                _afterCr = false;
                Seen |= _crRun > 1 ? ClientTraits.CrCrLf : ClientTraits.CrLf;
                return chunk[1..];
            case 0:
                // Telnet's \r\0 (RFC 854): a bare carriage return; nothing after it is dropped.
                _afterCr = false;
                Seen |= ClientTraits.BareCr;
                return chunk[1..];
            default:
                _afterCr = false;
                Seen |= ClientTraits.BareCr;
                return chunk;
        }
    }

    private void OnTerminator(byte terminator)
    {
        switch (terminator)
        {
            case (byte)'\r':
                _afterCr = true;
                _crRun = 1;
                break;
            case 0:
                Seen |= ClientTraits.NulPadded;
                _dropping = true;
                break;
            default:
                if (!_strictCrTrimmed)
                    Seen |= ClientTraits.LineFeed;
                _strictCrTrimmed = false;
                break;
        }
    }

    private ReadOnlySpan<byte> TrimStrictCarriageReturn(ReadOnlySpan<byte> frame)
    {
        var endsWithCr = frame.Length > 0 ? frame[^1] == (byte)'\r' : _pendingLength > 0 && _pending![_pendingLength - 1] == (byte)'\r';
        if (!endsWithCr)
            return frame;
        Seen |= ClientTraits.CrLf;
        _strictCrTrimmed = true;
        if (frame.Length > 0)
            return frame[..^1];
        _pendingLength--;
        return frame;
    }

    private void Emit(ReadOnlySpan<byte> tail, IFrameSink sink)
    {
        if (_skipping)
        {
            // The end of a frame already reported as too long.
            _skipping = false;
            return;
        }
        if (_pendingLength + tail.Length > MaxFrameBytes)
        {
            Release();
            sink.OnTooLong(unfinished: false);
            return;
        }
        if (_pendingLength == 0)
        {
            sink.OnFrame(tail);
            return;
        }
        var whole = Room(tail.Length);
        tail.CopyTo(whole);
        _pendingLength += tail.Length;
        sink.OnFrame(_pending.AsSpan(0, _pendingLength));
        Release();
    }

    private void Hold(ReadOnlySpan<byte> chunk, IFrameSink sink)
    {
        if (_skipping)
            return;
        // Strict lines may hold one more byte: a full-length line's \r, waiting for its \n.
        var limit = _ends == StrictEnds ? MaxFrameBytes + 1 : MaxFrameBytes;
        if (_pendingLength + chunk.Length > limit)
        {
            Release();
            _skipping = true;
            sink.OnTooLong(unfinished: true);
            return;
        }
        chunk.CopyTo(Room(chunk.Length));
        _pendingLength += chunk.Length;
    }

    private Span<byte> Room(int needed)
    {
        var total = _pendingLength + needed;
        if (_pending is null)
        {
            _pending = ArrayPool<byte>.Shared.Rent(Math.Max(256, total));
        }
        else if (_pending.Length < total)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_pending.Length * 2, total));
            _pending.AsSpan(0, _pendingLength).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_pending);
            _pending = larger;
        }
        return _pending.AsSpan(_pendingLength, needed);
    }

    // An idle connection holds no buffer.
    private void Release()
    {
        if (_pending is not null)
            ArrayPool<byte>.Shared.Return(_pending);
        _pending = null;
        _pendingLength = 0;
    }
}
