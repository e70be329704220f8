using System.Net;
using ChatOps.TcpEngine.Engine;
using ChatOps.Web.Dashboard;

namespace ChatOps.Web.Join;

/// <summary>
/// The rooms as the join page and the projector show them, with the addresses students reach (the connect hints'
/// rule: the machine's LAN addresses, or loopback when the room listens on loopback; never 0.0.0.0). The one place
/// these pages read the engine.
/// </summary>
internal sealed class JoinRooms(ChatServer server, TimeProvider time)
{
    private readonly ConnectHintsCache _hosts = new(time, Hosts);
    private readonly Lock _gate = new();

    /// <summary>Every room, by port then name.</summary>
    public IReadOnlyList<JoinRoom> Current() => [.. server.Rooms.Select(Of)];

    private JoinRoom Of(ChatEngine room)
    {
        var endpoint = room.LocalEndPoint;
        IReadOnlyList<string> hosts;
        lock (_gate)
            hosts = _hosts.For(endpoint);
        return new JoinRoom(room.Name, room.Mode, endpoint?.Port ?? 0, room.IsRunning && endpoint is not null, hosts);
    }

    private static List<string> Hosts(IPEndPoint listening)
    {
        var addresses = IPAddress.IsLoopback(listening.Address) ? [IPAddress.Loopback] : ConnectHints.LanAddresses();
        return addresses.Count == 0 ? [IPAddress.Loopback.ToString()] : addresses.Select(a => a.ToString()).ToList();
    }
}
