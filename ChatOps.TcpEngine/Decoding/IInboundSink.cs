namespace ChatOps.TcpEngine.Decoding;

/// <summary>What <see cref="InboundDecoder"/> hands to its session, on the session's read loop.</summary>
internal interface IInboundSink
{
    /// <summary>One line or message, decoded, edited and cleaned; it may be blank (blank lines still count as lines).</summary>
    void OnLine(string text);

    /// <inheritdoc cref="Framing.IFrameSink.OnTooLong"/>
    void OnTooLong(bool unfinished);
}
