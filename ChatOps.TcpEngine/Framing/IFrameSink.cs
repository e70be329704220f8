namespace ChatOps.TcpEngine.Framing;

/// <summary>Receives what a framer cuts out of a connection's bytes.</summary>
internal interface IFrameSink
{
    /// <summary>One line or message, without its terminator. The span is valid only during the call.</summary>
    void OnFrame(ReadOnlySpan<byte> frame);

    /// <summary>
    /// A frame longer than the limit was dropped. <paramref name="unfinished"/>: it crossed the limit before any line
    /// end or pause, and the rest of it is skipped; otherwise it was a complete line, too long.
    /// </summary>
    void OnTooLong(bool unfinished);
}
