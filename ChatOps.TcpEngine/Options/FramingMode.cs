namespace ChatOps.TcpEngine.Options;

/// <summary>How a connection's bytes are cut into lines (<see cref="ChatOptions.Framing"/>).</summary>
public enum FramingMode
{
    /// <summary>
    /// <c>\n</c>, <c>\r\n</c>, a bare <c>\r</c> and <c>\r\r\n</c> end a line; bytes followed by silence
    /// (<see cref="ChatOptions.MessageGap"/>) or a NUL are a message. A connection that negotiated telnet is framed on
    /// line ends only, since a character-mode terminal sends each key as it is typed.
    /// </summary>
    Auto,

    /// <summary>Only <c>\n</c> ends a line (a <c>\r</c> before it is dropped): the strict line protocol.</summary>
    Lines,

    /// <summary>Each burst (bytes followed by silence, or a NUL) is one message; line ends inside it become spaces.</summary>
    Messages,
}
