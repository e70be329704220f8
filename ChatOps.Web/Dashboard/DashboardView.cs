using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// An immutable picture of the rooms for one render: components read it, never the engine's live state.
/// <see cref="Rooms"/> is never empty; <see cref="Sessions"/> and <see cref="Mirror"/> cover every room.
/// </summary>
public sealed record DashboardView(
    DateTimeOffset Now,
    IReadOnlyList<RoomView> Rooms,
    IReadOnlyList<SessionSnapshot> Sessions,
    double LinesPerSecond,
    IReadOnlyList<MirrorLine> Mirror,
    IReadOnlyList<ActivitySample> Activity,
    long DroppedEvents)
{
    public int ClientCount => Sessions.Count;

    /// <summary>Whether any room listens.</summary>
    public bool IsRunning => Rooms.Any(r => r.IsRunning);

    /// <summary>Whether the host runs several rooms (the dashboard then shows a room bar and names rooms).</summary>
    public bool HasRooms => Rooms.Count > 1;

    /// <summary>The room named <paramref name="name"/>, or the first room when there is none by that name.</summary>
    public RoomView Room(string? name) => Rooms.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) ?? Rooms[0];

    public TimeSpan? Uptime(RoomView room) => room.IsRunning && room.StartedAt is { } started ? Now - started : null;

    public SessionSnapshot? Session(long? id) => id is null ? null : Sessions.FirstOrDefault(s => s.Id == id);
}
