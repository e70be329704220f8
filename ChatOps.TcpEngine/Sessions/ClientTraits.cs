namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// What the engine has learned about how a client's program writes: its framing, its encoding, and the events worth
/// teaching about. Each is set once, the first time it is seen; <see cref="TraitHints"/> explains each to a person.
/// </summary>
[Flags]
public enum ClientTraits
{
    None = 0,

    /// <summary>Lines end with <c>\n</c> (Unix, Java's println on Linux, Python's <c>"\n"</c>).</summary>
    LineFeed = 1 << 0,

    /// <summary>Lines end with <c>\r\n</c> (Windows, telnet, <c>nc -C</c>).</summary>
    CrLf = 1 << 1,

    /// <summary>Lines end with a bare <c>\r</c> (a terminal in raw mode, PuTTY's Enter, telnet's <c>\r\0</c>).</summary>
    BareCr = 1 << 2,

    /// <summary>Lines end with <c>\r\r\n</c>: a program that writes <c>\r\n</c> through a Windows text-mode stream.</summary>
    CrCrLf = 1 << 3,

    /// <summary>Messages without a line end, each followed by a pause: one <c>send()</c> per message.</summary>
    NoNewline = 1 << 4,

    /// <summary>Messages end with a NUL: a C program that writes a whole fixed-size buffer.</summary>
    NulPadded = 1 << 5,

    /// <summary>Java's <c>DataOutputStream.writeUTF</c>: a 2-byte length, then modified UTF-8.</summary>
    WriteUtf = 1 << 6,

    /// <summary>UTF-16 (little- or big-endian), e.g. C#'s <c>Encoding.Unicode</c>.</summary>
    Utf16 = 1 << 7,

    /// <summary>Windows-1252 text (é typed on a French Windows console), decoded as such instead of becoming U+FFFD.</summary>
    Windows1252 = 1 << 8,

    /// <summary>A byte order mark, removed (C#'s <c>Encoding.UTF8</c>, Python's <c>utf-8-sig</c>).</summary>
    Bom = 1 << 9,

    /// <summary>Telnet negotiation (RFC 854), removed from the text; replies end with <c>\r\n</c>.</summary>
    Telnet = 1 << 10,

    /// <summary>The client shut down its sending side (<c>shutdown(SHUT_WR)</c>, <c>nc -N</c>) and still reads.</summary>
    HalfClosed = 1 << 11,

    /// <summary>Bytes that are neither UTF-8 nor Windows-1252, shown as U+FFFD.</summary>
    InvalidUtf8 = 1 << 12,

    /// <summary>Control characters or terminal escape sequences, removed.</summary>
    ControlCharacters = 1 << 13,

    /// <summary>Backspace or DEL edited a line, as a character-mode terminal sends them.</summary>
    Edited = 1 << 14,

    /// <summary>Invisible or direction-changing characters (bidi controls, zero-width, line separators), removed.</summary>
    FormatCharacters = 1 << 15,
}
