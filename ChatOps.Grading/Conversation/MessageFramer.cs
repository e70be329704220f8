using System.Buffers;
using ChatOps.TcpEngine.Decoding;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Grading.Conversation;

/// <summary>
/// Cuts what a server writes into messages with the engine's own decoder (<see cref="InboundDecoder"/>, automatic
/// framing), so a student's server is read exactly as ChatOps reads students' clients: any line end, a message ended by
/// silence (the caller calls <see cref="Flush"/>), a NUL-padded buffer, UTF-8, Windows-1252, UTF-16 or writeUTF, telnet
/// commands removed, control and invisible characters cleaned. No I/O here, so it is tested byte by byte.
/// </summary>
internal sealed class MessageFramer(int maxMessageBytes) : IInboundSink
{
    private readonly InboundDecoder _decoder = new(maxMessageBytes, FramingMode.Auto);
    private readonly List<string> _messages = [];

    /// <summary>Bytes are held that only a silence (or the end) can make a message.</summary>
    public bool HasPartial => _decoder.AwaitsSilence;

    /// <summary>Messages longer than the maximum, dropped: memory stays bounded whatever the server writes.</summary>
    public int TooLong { get; private set; }

    /// <summary>Adds received bytes; returns the messages they complete.</summary>
    public IReadOnlyList<string> Feed(ReadOnlySpan<byte> bytes)
    {
        _messages.Clear();
        _decoder.Decode(new ReadOnlySequence<byte>(bytes.ToArray()), this);
        return [.. _messages];
    }

    /// <summary>
    /// The checker wrote to the server since its last bytes: what comes next is a new reply, even right after a
    /// NUL-padded buffer whose tail the decoder drops (as the engine does when it writes to a client).
    /// </summary>
    public void NewBurst() => _decoder.NewBurst();

    /// <summary>The connection fell silent: the bytes held, as one message (null when none wait).</summary>
    public string? Flush()
    {
        _messages.Clear();
        _decoder.Silence(this);
        return _messages.Count > 0 ? _messages[^1] : null;
    }

    void IInboundSink.OnLine(string text) => _messages.Add(text);

    void IInboundSink.OnTooLong(bool unfinished) => TooLong++;
}
