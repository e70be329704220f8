namespace ChatOps.TcpEngine.Framing;

/// <summary>What <see cref="LineFramer.TryRead"/> found in the buffer.</summary>
public enum FrameResult
{
    /// <summary>No complete line yet: read more bytes.</summary>
    NeedMore,

    /// <summary>A complete line, without its <c>\n</c> and its <c>\r</c>.</summary>
    Line,

    /// <summary>A line longer than the limit was found; its bytes are being dropped up to the next newline.</summary>
    TooLong,
}
