using System.Buffers;

namespace ChatOps.TcpEngine.ProxyProtocol;

/// <summary>
/// Watches the first bytes of a connection that no trusted balancer opened for the PROXY protocol v2 signature. Costs
/// one comparison per byte of the first few, then one branch per read: a client's first byte is almost never
/// <c>\r</c>, and no client sends <c>\r\n\r\n\0\r\nQUIT\n</c>, so a student is never mistaken for a balancer.
/// </summary>
internal struct ProxySignatureWatch
{
    // Signature bytes seen so far; -1 once a byte differed (the connection is a client's, for good).
    private int _matched;

    /// <summary>True when these bytes complete the signature at the very start of the connection.</summary>
    public bool Completes(in ReadOnlySequence<byte> buffer)
    {
        if (_matched < 0)
            return false;
        var signature = ProxyHeaderParser.Signature;
        foreach (var segment in buffer)
        {
            foreach (var b in segment.Span)
            {
                if (b != signature[_matched])
                {
                    _matched = -1;
                    return false;
                }
                if (++_matched == signature.Length)
                {
                    _matched = -1;
                    return true;
                }
            }
        }
        return false;
    }
}
