using ChatOps.TcpEngine.Sessions;
using ChatOps.Web.Dashboard;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>The rows of one room in the Connections table; <see cref="Room"/> is null when the host runs one room (no group header).</summary>
internal sealed record ConnectionGroup(RoomView? Room, IReadOnlyList<SessionSnapshot> Sessions);
