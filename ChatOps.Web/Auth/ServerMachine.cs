using System.Net;

namespace ChatOps.Web.Auth;

/// <summary>
/// Requests from the server's own machine, as the teacher's browser there makes them: 127.0.0.1 or ::1 only. The rest
/// of 127.0.0.0/8 is left out on purpose: the tests play students from those addresses, and nothing a teacher runs
/// uses them. A reverse proxy on the same machine would make every request look local: put none in front of these.
/// </summary>
internal static class ServerMachine
{
    public static bool IsSelf(IPAddress? address) =>
        address is not null && (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) is var a
        && (a.Equals(IPAddress.Loopback) || a.Equals(IPAddress.IPv6Loopback));
}
