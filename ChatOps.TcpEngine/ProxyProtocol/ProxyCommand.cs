namespace ChatOps.TcpEngine.ProxyProtocol;

/// <summary>The low four bits of a PROXY protocol v2 header's 13th byte (haproxy's doc/proxy-protocol.txt, 2.2).</summary>
internal enum ProxyCommand
{
    /// <summary>The balancer opened the connection itself (a health check): its own address is the client's.</summary>
    Local = 0,

    /// <summary>The balancer relays a client: the header's source is the client's address.</summary>
    Proxy = 1,
}
