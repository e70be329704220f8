using System.Buffers;
using System.Text;
using ChatOps.TcpEngine.Framing;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Decoding;

/// <summary>
/// One connection's incoming side, from bytes to clean lines: encoding sniffed from the first bytes → telnet commands
/// removed → framed (lines, messages, NUL-ended buffers, writeUTF records) → decoded (UTF-8, Windows-1252, UTF-16,
/// modified UTF-8) → edited (backspace) → cleaned (controls, invisible characters). It records what it saw as
/// <see cref="ClientTraits"/> and chooses how replies must be written (<see cref="Reply"/>). No socket, no clock: the
/// session feeds it reads and tells it about pauses. Single-threaded: the session's read loop only.
/// </summary>
internal sealed class InboundDecoder : IFrameSink
{
    private readonly FramingMode _mode;
    private readonly LineFramer _lines;
    private readonly TelnetParser _telnet = new();
    private readonly byte[] _head = new byte[EncodingSniffer.MaxBytes];
    private int _headLength;
    private WireEncoding? _encoding;
    private WriteUtfFramer? _records;
    private Decoder? _utf16;
    private ClientTraits _seen;
    private IInboundSink _sink = null!;

    public InboundDecoder(int maxLineBytes, FramingMode mode)
    {
        _mode = mode;
        _lines = new LineFramer(maxLineBytes, mode);
        MaxLineBytes = maxLineBytes;
    }

    public int MaxLineBytes { get; }

    public ClientTraits Seen => _seen | _lines.Seen;

    /// <summary>The encoding replies must use; changes as the client is seen to use one.</summary>
    public ReplyEncoding Reply { get; private set; }

    /// <summary>Whether replies end with <c>\r\n</c> (a telnet client) instead of <c>\n</c>.</summary>
    public bool ReplyCrLf { get; private set; }

    /// <summary>Bytes received and not yet part of a line: an unfinished line or message, or a partial record.</summary>
    public int PendingBytes => _headLength + _lines.PendingBytes + (_records?.PendingBytes ?? 0);

    /// <summary>True while a pause of the message gap would deliver or end something: arm the timer only then.</summary>
    public bool AwaitsSilence => _mode != FramingMode.Lines && (_headLength > 0 || _telnet.HoldsByte || _lines.AwaitsSilence);

    public void Decode(in ReadOnlySequence<byte> read, IInboundSink sink)
    {
        _sink = sink;
        foreach (var segment in read)
            Decode(segment.Span);
    }

    /// <summary>The client paused for the message gap.</summary>
    public void Silence(IInboundSink sink)
    {
        _sink = sink;
        DecideWithHead();
        if (_encoding == WireEncoding.EightBit && _lines.PauseEndsMessages)
        {
            Span<byte> held = stackalloc byte[1];
            if (_telnet.Flush(held) == 1)
                _lines.Push(held, this);
        }
        _lines.Silence(this);
    }

    /// <summary>The input ended (FIN or reset): what is held is delivered, or dropped and its length returned.</summary>
    public int End(IInboundSink sink)
    {
        Silence(sink);
        return _lines.End(this) + (_records?.End() ?? 0);
    }

    void IFrameSink.OnFrame(ReadOnlySpan<byte> frame)
    {
        string text;
        if (_encoding == WireEncoding.WriteUtf)
        {
            text = ModifiedUtf8.Decode(frame);
        }
        else
        {
            text = LineText.Decode(frame, out var seen);
            OnTextEncoding(seen);
        }
        Deliver(text);
    }

    void IFrameSink.OnTooLong(bool unfinished) => _sink.OnTooLong(unfinished);

    private void Decode(ReadOnlySpan<byte> chunk)
    {
        if (_encoding is null)
        {
            chunk = Sniff(chunk);
            if (_encoding is null)
                return;
        }
        Route(chunk);
    }

    // Gathers the first bytes until they tell the encoding, then routes what was held and returns the rest of the chunk.
    private ReadOnlySpan<byte> Sniff(ReadOnlySpan<byte> chunk)
    {
        if (_headLength == 0 && EncodingSniffer.TrySniff(chunk, final: false, out var encoding, out var bom))
        {
            Choose(encoding, bom);
            return chunk[bom..];
        }
        while (!chunk.IsEmpty && _encoding is null)
        {
            _head[_headLength++] = chunk[0];
            chunk = chunk[1..];
            if (EncodingSniffer.TrySniff(_head.AsSpan(0, _headLength), final: _headLength == _head.Length, out encoding, out bom))
                ReplayHead(encoding, bom);
        }
        return chunk;
    }

    private void DecideWithHead()
    {
        if (_encoding is not null)
            return;
        EncodingSniffer.TrySniff(_head.AsSpan(0, _headLength), final: true, out var encoding, out var bom);
        if (_headLength > 0)
            ReplayHead(encoding, Math.Min(bom, _headLength));
    }

    private void ReplayHead(WireEncoding encoding, int bom)
    {
        Choose(encoding, bom);
        var held = _head.AsSpan(bom, _headLength - bom).ToArray();
        _headLength = 0;
        Route(held);
    }

    private void Choose(WireEncoding encoding, int bom)
    {
        _encoding = encoding;
        if (bom > 0)
            _seen |= ClientTraits.Bom;
        switch (encoding)
        {
            case WireEncoding.Utf16LittleEndian:
                _seen |= ClientTraits.Utf16;
                _utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetDecoder();
                Reply = ReplyEncoding.Utf16LittleEndian;
                break;
            case WireEncoding.Utf16BigEndian:
                _seen |= ClientTraits.Utf16;
                _utf16 = new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetDecoder();
                Reply = ReplyEncoding.Utf16BigEndian;
                break;
            case WireEncoding.WriteUtf:
                _seen |= ClientTraits.WriteUtf;
                _records = new WriteUtfFramer(MaxLineBytes);
                Reply = ReplyEncoding.WriteUtf;
                break;
        }
    }

    private void Route(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
            return;
        switch (_encoding)
        {
            case WireEncoding.WriteUtf:
                _records!.Push(chunk, this);
                break;
            case WireEncoding.Utf16LittleEndian or WireEncoding.Utf16BigEndian:
                PushUtf16(chunk);
                break;
            default:
                PushEightBit(chunk);
                break;
        }
    }

    private void PushEightBit(ReadOnlySpan<byte> chunk)
    {
        if (_telnet.IsPlain(chunk))
        {
            _lines.Push(chunk, this);
            return;
        }
        var filtered = ArrayPool<byte>.Shared.Rent(chunk.Length + 2);
        try
        {
            var length = _telnet.Filter(chunk, filtered);
            if (_telnet.Negotiated && !_seen.HasFlag(ClientTraits.Telnet))
            {
                _seen |= ClientTraits.Telnet;
                ReplyCrLf = true;
                _lines.UseTelnetLineEnds();
            }
            _lines.Push(filtered.AsSpan(0, length), this);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(filtered);
        }
    }

    // UTF-16 is transcoded to UTF-8 and framed like any 8-bit text; the decoder keeps an odd byte or half a surrogate
    // pair across reads.
    private void PushUtf16(ReadOnlySpan<byte> chunk)
    {
        var chars = ArrayPool<char>.Shared.Rent(chunk.Length / 2 + 2);
        var bytes = ArrayPool<byte>.Shared.Rent((chunk.Length / 2 + 2) * 3);
        try
        {
            var charCount = _utf16!.GetChars(chunk, chars, flush: false);
            var byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, charCount), bytes);
            _lines.Push(bytes.AsSpan(0, byteCount), this);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void OnTextEncoding(TextEncoding seen)
    {
        if (_encoding != WireEncoding.EightBit)
            return;
        switch (seen)
        {
            case TextEncoding.Windows1252:
                _seen |= ClientTraits.Windows1252;
                Reply = ReplyEncoding.Windows1252;
                break;
            case TextEncoding.Utf8:
                Reply = ReplyEncoding.Utf8;
                break;
            case TextEncoding.Invalid:
                _seen |= ClientTraits.InvalidUtf8;
                break;
        }
    }

    private void Deliver(string text)
    {
        // A BOM at the start of a message (Python's utf-8-sig, one per send) is a BOM, not an attempt to hide anything.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            _seen |= ClientTraits.Bom;
            text = text[1..];
        }
        text = TextEditing.Apply(text, out var edited);
        if (edited)
            _seen |= ClientTraits.Edited;
        // A message or a record is one unit: the line ends inside it separate words, they end nothing.
        if ((_mode == FramingMode.Messages || _encoding == WireEncoding.WriteUtf) && text.AsSpan().ContainsAny('\r', '\n'))
            text = text.ReplaceLineEndings(" ").TrimEnd();
        text = TextSanitizer.Clean(text, out var controls, out var invisible);
        if (controls)
            _seen |= ClientTraits.ControlCharacters;
        if (invisible)
            _seen |= ClientTraits.FormatCharacters;
        _sink.OnLine(text);
    }
}
