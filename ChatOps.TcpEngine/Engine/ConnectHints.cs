using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ChatOps.TcpEngine.Engine;

/// <summary>What to write on the board so students can connect: the machine's LAN IPv4 addresses and the commands to type.</summary>
public static class ConnectHints
{
    public static IReadOnlyList<IPAddress> LanAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                .Distinct()
                .ToList();
        }
        catch (NetworkInformationException)
        {
            // Some containers hide their interfaces; the hints are a convenience, not a requirement.
            return [];
        }
    }

    /// <summary>One line per address: <c>chatops connect 192.168.1.23 7070   or   nc 192.168.1.23 7070</c>.</summary>
    public static IReadOnlyList<string> Lines(IPEndPoint listening)
    {
        ArgumentNullException.ThrowIfNull(listening);
        var loopbackOnly = IPAddress.IsLoopback(listening.Address);
        var addresses = loopbackOnly ? [IPAddress.Loopback] : LanAddresses();
        if (addresses.Count == 0)
            addresses = [IPAddress.Loopback];
        return addresses.Select(a => $"chatops connect {a} {listening.Port}   or   nc {a} {listening.Port}").ToList();
    }
}
