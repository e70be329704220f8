using System.Buffers;
using System.Buffers.Binary;
using System.Net;

namespace ChatOps.TcpEngine.ProxyProtocol;

/// <summary>
/// Reads the binary header of the PROXY protocol, version 2, that HAProxy's <c>send-proxy-v2</c> writes at the start of
/// each connection it relays (haproxy's doc/proxy-protocol.txt, section 2.2). Pure: bytes in, a header or the reason it
/// is not one out; nothing here touches a socket. TLVs are checked to fit the header and skipped (ChatOps needs none of
/// them; a CRC32C TLV is not verified, which the spec leaves to receivers that support it).
/// </summary>
internal static class ProxyHeaderParser
{
    /// <summary>
    /// The largest header accepted, TLVs included: 4 KiB. The length field allows 65,535 + 16 bytes; the spec keeps the
    /// addresses within 536 bytes, and the TLVs HAProxy sends (ALPN, SNI, TLS details, a unique id of at most 128 bytes)
    /// stay well under 1 KiB. A bound, so that a broken balancer cannot make a connection hold 64 KiB before it is refused.
    /// </summary>
    public const int MaxHeaderBytes = 4096;

    // The signature, the version and command byte, the family and transport byte, the 2-byte length.
    private const int FixedBytes = 16;

    /// <summary>The 12 bytes every v2 header begins with: <c>\r\n\r\n\0\r\nQUIT\n</c>, which no chat client sends.</summary>
    public static ReadOnlySpan<byte> Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    /// <summary>
    /// <see cref="OperationStatus.Done"/> with the header (its <see cref="ProxyHeader.Length"/> is what to skip);
    /// <see cref="OperationStatus.NeedMoreData"/> while every byte so far fits a header; otherwise
    /// <see cref="OperationStatus.InvalidData"/> with the reason, as early as a byte shows it (a wrong first byte is enough).
    /// </summary>
    public static OperationStatus Parse(in ReadOnlySequence<byte> buffer, out ProxyHeader header, out ProxyHeaderError error)
    {
        header = default;
        Span<byte> fixedPart = stackalloc byte[FixedBytes];
        var head = fixedPart[..(int)Math.Min(buffer.Length, FixedBytes)];
        buffer.Slice(0, head.Length).CopyTo(head);

        error = CheckFixedPart(head);
        if (error != ProxyHeaderError.None)
            return OperationStatus.InvalidData;
        if (head.Length < FixedBytes)
            return OperationStatus.NeedMoreData;

        var length = BinaryPrimitives.ReadUInt16BigEndian(head[14..]);
        var total = FixedBytes + length;
        if (total > MaxHeaderBytes)
        {
            error = ProxyHeaderError.TooLong;
            return OperationStatus.InvalidData;
        }
        if (buffer.Length < total)
            return OperationStatus.NeedMoreData;

        Span<byte> body = length <= 256 ? stackalloc byte[length] : new byte[length];
        buffer.Slice(FixedBytes, length).CopyTo(body);
        error = ParseBody(head[12], head[13], body, out header);
        if (error != ProxyHeaderError.None)
            return OperationStatus.InvalidData;
        header = header with { Length = total };
        return OperationStatus.Done;
    }

    // Checks what has arrived of the first 16 bytes, so that a connection that is not a header is refused at once.
    private static ProxyHeaderError CheckFixedPart(ReadOnlySpan<byte> head)
    {
        var signed = Math.Min(head.Length, Signature.Length);
        if (!head[..signed].SequenceEqual(Signature[..signed]))
            return head.StartsWith("PROXY "u8) ? ProxyHeaderError.Version1 : ProxyHeaderError.NoHeader;
        if (head.Length > 12)
        {
            if (head[12] >> 4 != 2)
                return ProxyHeaderError.UnsupportedVersion;
            if ((head[12] & 0x0F) > (int)ProxyCommand.Proxy)
                return ProxyHeaderError.UnknownCommand;
        }
        if (head.Length > 13)
        {
            if (head[13] >> 4 > 3)
                return ProxyHeaderError.UnknownFamily;
            if ((head[13] & 0x0F) > 2)
                return ProxyHeaderError.UnknownTransport;
        }
        return ProxyHeaderError.None;
    }

    private static ProxyHeaderError ParseBody(byte versionCommand, byte familyTransport, ReadOnlySpan<byte> body, out ProxyHeader header)
    {
        header = default;
        // LOCAL: "the receiver must use the real connection endpoints and discard the protocol block" (2.2).
        if ((ProxyCommand)(versionCommand & 0x0F) == ProxyCommand.Local)
        {
            header = new ProxyHeader(ProxyCommand.Local, null, null, 0);
            return ProxyHeaderError.None;
        }
        var family = familyTransport >> 4;
        var transport = familyTransport & 0x0F;
        // AF_UNSPEC or an UNSPEC transport: "the receiver should ignore address information", TLVs included.
        if (family == 0 || transport == 0)
        {
            header = new ProxyHeader(ProxyCommand.Proxy, null, null, 0);
            return ProxyHeaderError.None;
        }
        var addressBytes = family switch { 1 => 12, 2 => 36, _ => 216 };
        if (body.Length < addressBytes)
            return ProxyHeaderError.AddressesTruncated;
        if (!TlvsFit(body[addressBytes..]))
            return ProxyHeaderError.BadTlv;
        header = family switch
        {
            1 => new ProxyHeader(ProxyCommand.Proxy, EndPoint(body[0..4], body[8..]), EndPoint(body[4..8], body[10..]), 0),
            2 => new ProxyHeader(ProxyCommand.Proxy, EndPoint(body[0..16], body[32..]), EndPoint(body[16..32], body[34..]), 0),
            // AF_UNIX: a path, not an address a chat room can show or ban; the balancer's address stands.
            _ => new ProxyHeader(ProxyCommand.Proxy, null, null, 0),
        };
        return ProxyHeaderError.None;
    }

    private static IPEndPoint EndPoint(ReadOnlySpan<byte> address, ReadOnlySpan<byte> port) =>
        new(new IPAddress(address), BinaryPrimitives.ReadUInt16BigEndian(port));

    // Each TLV is a type byte, a 2-byte length and that many bytes (2.2); a TLV that runs past the header's end means the
    // header is not what its sender meant, as HAProxy's own receiver judges it.
    private static bool TlvsFit(ReadOnlySpan<byte> tlvs)
    {
        while (!tlvs.IsEmpty)
        {
            if (tlvs.Length < 3)
                return false;
            var size = 3 + BinaryPrimitives.ReadUInt16BigEndian(tlvs[1..]);
            if (size > tlvs.Length)
                return false;
            tlvs = tlvs[size..];
        }
        return true;
    }
}
