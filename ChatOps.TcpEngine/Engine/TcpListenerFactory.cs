using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine.Options;

namespace ChatOps.TcpEngine.Engine;

internal static class TcpListenerFactory
{
    // A class of thirty starting their programs at once, or a load test, must not see refused connections.
    private const int Backlog = 1024;

    public static Socket Bind(ChatOptions options, string portKey)
    {
        if (!BindAddresses.TryParse(options.BindAddress, out var address))
            throw new ChatEngineStartException($"{ChatOptions.SectionName}:BindAddress must be an IP address or * (got '{options.BindAddress}')");
        var dualMode = address.Equals(IPAddress.IPv6Any);
        if (dualMode && !Socket.OSSupportsIPv6)
        {
            address = IPAddress.Any;
            dualMode = false;
        }

        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (dualMode)
                socket.DualMode = true;
            socket.Bind(new IPEndPoint(address, options.Port));
            socket.Listen(Backlog);
            return socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            var where = $"{portKey} {options.Port} on {(dualMode ? "all interfaces" : address.ToString())}";
            throw new ChatEngineStartException(ex.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => $"{where}: the port is already in use (is another server running?)",
                SocketError.AccessDenied => $"{where}: permission denied (ports below 1024 need privileges)",
                SocketError.AddressNotAvailable => $"{ChatOptions.SectionName}:BindAddress {options.BindAddress} is not an address of this machine",
                _ => $"{where}: cannot listen ({ex.Message})",
            }, ex);
        }
    }
}
