using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.ProxyProtocol;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>A PROXY protocol header from a client that is not a trusted balancer: refused, never read as chat text.</summary>
internal sealed partial class ClientSession
{
    private ProxySignatureWatch _proxySignature;

    /// <summary>
    /// True once the connection began with a PROXY protocol v2 signature although no trusted balancer opened it (or, behind
    /// one, the client sent a second header): it claims an address it may not claim, and is closed. The engine logs it.
    /// </summary>
    public bool SentUntrustedProxyHeader { get; private set; }

    // Before the bytes reach the decoder: the binary header must not become lines for the room.
    private void WatchForProxyHeader(in System.Buffers.ReadOnlySequence<byte> buffer)
    {
        if (!_proxySignature.Completes(buffer))
            return;
        SentUntrustedProxyHeader = true;
        _host.OnViolation(this, ViolationKind.Refused, "a PROXY protocol header from an address not in Chat:TrustedProxies");
        Close(DisconnectReason.Limit);
    }
}
