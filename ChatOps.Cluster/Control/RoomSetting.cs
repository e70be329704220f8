using System.Globalization;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;
using StackExchange.Redis;

namespace ChatOps.Cluster.Control;

/// <summary>
/// A room's mode and auto-reply as the cluster last set them (<c>{prefix}:room:{name}:mode</c>, a hash): when, and on
/// which host.
/// </summary>
public sealed record RoomSetting(ChatMode Mode, AutoReply AutoReply, DateTimeOffset At, string HostId)
{
    public HashEntry[] ToHash() =>
    [
        new("mode", Mode.ToString()),
        new("autoReply", AutoReply.ToString()),
        new("at", At.ToUnixTimeMilliseconds()),
        new("host", HostId),
    ];

    /// <summary>The setting of a hash, or null when it is empty or not one.</summary>
    public static RoomSetting? Parse(HashEntry[] entries)
    {
        var fields = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        return fields.TryGetValue("mode", out var mode) && Enum.TryParse<ChatMode>(mode, out var m)
            && fields.TryGetValue("autoReply", out var reply) && AutoReply.TryParse(reply, out var r)
            && fields.TryGetValue("at", out var at) && long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && fields.TryGetValue("host", out var host)
            ? new RoomSetting(m, r, DateTimeOffset.FromUnixTimeMilliseconds(ms), host)
            : null;
    }
}
