namespace ChatOps.TcpEngine.ProxyProtocol;

/// <summary>Why a connection from a trusted balancer did not begin with a usable PROXY protocol v2 header.</summary>
internal enum ProxyHeaderError
{
    None,

    /// <summary>The first bytes are not the v2 signature: the balancer sends no header (no <c>send-proxy-v2</c>), or this is not the balancer.</summary>
    NoHeader,

    /// <summary>The text header of version 1 (<c>PROXY TCP4 ...</c>, HAProxy's <c>send-proxy</c>): only v2 is accepted.</summary>
    Version1,

    /// <summary>The 13th byte's high four bits are not 2.</summary>
    UnsupportedVersion,

    /// <summary>A command other than LOCAL (0) or PROXY (1).</summary>
    UnknownCommand,

    /// <summary>An address family other than AF_UNSPEC, AF_INET, AF_INET6, AF_UNIX (0 to 3).</summary>
    UnknownFamily,

    /// <summary>A transport other than UNSPEC, STREAM, DGRAM (0 to 2).</summary>
    UnknownTransport,

    /// <summary>The length field is shorter than the family's addresses (12 bytes for IPv4, 36 for IPv6, 216 for AF_UNIX).</summary>
    AddressesTruncated,

    /// <summary>A TLV after the addresses runs past the header's end.</summary>
    BadTlv,

    /// <summary>The length field asks for more than <see cref="ProxyHeaderParser.MaxHeaderBytes"/>.</summary>
    TooLong,

    /// <summary>The balancer closed the connection without sending a byte: a plain TCP health check, not a refusal.</summary>
    Closed,

    /// <summary>The connection ended before the header did.</summary>
    Truncated,

    /// <summary>The header did not arrive within <c>Chat:ProxyHeaderTimeout</c>.</summary>
    Timeout,
}
