using System.Net;
using System.Text;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary>PROXY protocol v2 headers built by hand from haproxy's doc/proxy-protocol.txt (section 2.2), as a balancer sends them.</summary>
internal static class ProxyHeaders
{
    /// <summary>The 12-byte signature, spelt as the spec does: \x0D \x0A \x0D \x0A \x00 \x0D \x0A \x51 \x55 \x49 \x54 \x0A.</summary>
    public static readonly byte[] Signature = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    /// <summary>Signature, version and command, family and transport, the body's length (big-endian), the body.</summary>
    public static byte[] V2(byte versionCommand, byte familyTransport, byte[] body) =>
        [.. Signature, versionCommand, familyTransport, (byte)(body.Length >> 8), (byte)body.Length, .. body];

    /// <summary>PROXY over TCP/IPv4 (\x21 \x11): source, destination, source port, destination port, then the TLVs.</summary>
    public static byte[] Tcp4(string source, int sourcePort, string destination, int destinationPort, params byte[][] tlvs) =>
        V2(0x21, 0x11, [.. Address(source), .. Address(destination), .. Port(sourcePort), .. Port(destinationPort), .. tlvs.SelectMany(t => t)]);

    /// <summary>PROXY over TCP/IPv6 (\x21 \x21).</summary>
    public static byte[] Tcp6(string source, int sourcePort, string destination, int destinationPort, params byte[][] tlvs) =>
        V2(0x21, 0x21, [.. Address(source), .. Address(destination), .. Port(sourcePort), .. Port(destinationPort), .. tlvs.SelectMany(t => t)]);

    /// <summary>LOCAL with AF_UNSPEC and no address, as a balancer's health check sends it.</summary>
    public static byte[] Local() => V2(0x20, 0x00, []);

    /// <summary>A header followed by what the client sent after it, as one send.</summary>
    public static byte[] Then(byte[] header, string text) => [.. header, .. Encoding.UTF8.GetBytes(text)];

    /// <summary>A TLV: type, 2-byte length, value.</summary>
    public static byte[] Tlv(byte type, byte[] value) => [type, (byte)(value.Length >> 8), (byte)value.Length, .. value];

    public static byte[] Tlv(byte type, string value) => Tlv(type, Encoding.UTF8.GetBytes(value));

    private static byte[] Address(string address) => IPAddress.Parse(address).GetAddressBytes();

    private static byte[] Port(int port) => [(byte)(port >> 8), (byte)port];
}
