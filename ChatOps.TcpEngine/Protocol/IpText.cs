using System.Net;

namespace ChatOps.TcpEngine.Protocol;

public static class IpText
{
    /// <summary>How an address is shown to people: IPv4-mapped IPv6 (<c>::ffff:10.0.0.5</c>) as plain IPv4.</summary>
    public static string Format(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }

    public static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
