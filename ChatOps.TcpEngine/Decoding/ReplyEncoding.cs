namespace ChatOps.TcpEngine.Decoding;

/// <summary>How the server writes to a client: in the encoding and framing that client was seen to use.</summary>
internal enum ReplyEncoding
{
    /// <summary>UTF-8 lines ending in <c>\n</c>: the default, bytes shared by every such recipient.</summary>
    Utf8,

    Windows1252,

    Utf16LittleEndian,

    Utf16BigEndian,

    /// <summary>One writeUTF record per line, without newline, so <c>readUTF</c> returns exactly the line.</summary>
    WriteUtf,
}
