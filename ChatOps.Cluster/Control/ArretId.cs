using System.Globalization;

namespace ChatOps.Cluster.Control;

/// <summary>
/// One arret in the cluster: <c>1764522000123:host-a:ex3</c>, when (Unix milliseconds), on which host, in which room.
/// Host ids and room names have no colon (<see cref="Options.ClusterOptionsValidator"/>, <c>RoomNames</c>).
/// </summary>
public sealed record ArretId(DateTimeOffset At, string HostId, string Room)
{
    public static ArretId Of(DateTimeOffset at, string hostId, string room) => new(at, hostId, room);

    /// <summary>The arret of this text, or null when it is not one.</summary>
    public static ArretId? Parse(string? text)
    {
        var parts = text?.Split(':');
        return parts is [var ms, var host, var room] && long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
                && host.Length > 0 && room.Length > 0
            ? new ArretId(DateTimeOffset.FromUnixTimeMilliseconds(at), host, room)
            : null;
    }

    public override string ToString() => $"{At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}:{HostId}:{Room}";
}
