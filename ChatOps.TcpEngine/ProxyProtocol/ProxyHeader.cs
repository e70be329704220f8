using System.Net;

namespace ChatOps.TcpEngine.ProxyProtocol;

/// <summary>
/// A parsed PROXY protocol v2 header. <see cref="Source"/> is null when the header carries no IP address to use (a LOCAL
/// health check, the AF_UNSPEC or AF_UNIX family, an UNSPEC transport): the balancer's own address stands then.
/// </summary>
/// <param name="Length">The header's bytes on the wire (16 + its length field); what follows is the client's own.</param>
internal readonly record struct ProxyHeader(ProxyCommand Command, IPEndPoint? Source, IPEndPoint? Destination, int Length);
