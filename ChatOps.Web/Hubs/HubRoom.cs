using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;

namespace ChatOps.Web.Hubs;

/// <summary>A room as hub clients see it. <see cref="Port"/> is null while the room is stopped.</summary>
public sealed record HubRoom(string Name, ChatMode Mode, int? Port, bool IsRunning, int Clients)
{
    internal static HubRoom Of(ChatEngine room) => new(room.Name, room.Mode, room.IsRunning ? room.LocalEndPoint?.Port : null, room.IsRunning, room.ClientCount);
}
