namespace ChatOps.TcpEngine.Decoding;

/// <summary>How a connection's bytes carry text, decided from its first bytes (<see cref="EncodingSniffer"/>).</summary>
internal enum WireEncoding
{
    /// <summary>Single bytes: UTF-8, or Windows-1252 for a line that is not valid UTF-8; telnet commands possible.</summary>
    EightBit,

    Utf16LittleEndian,

    Utf16BigEndian,

    /// <summary>Java's <c>DataOutputStream.writeUTF</c> records: a 2-byte big-endian length, then modified UTF-8.</summary>
    WriteUtf,
}
