using Microsoft.Extensions.Logging;

namespace ChatOps.Cluster.Internal;

// Control across hosts (kicks, bans, mode, roster): ids 6010–6029.
internal static partial class ClusterLog
{
    [LoggerMessage(6010, LogLevel.Information, "Closed session #{SessionId} ({Ip}:{Port}): kicked by {By} on host {FromHost}")]
    public static partial void KickApplied(ILogger logger, long sessionId, string ip, int port, string by, string fromHost);

    [LoggerMessage(6011, LogLevel.Information, "{Ip} is banned by {By} on host {HostId}: {Closed} connection(s) of this host closed")]
    public static partial void BanApplied(ILogger logger, string ip, string by, string hostId, int closed);

    [LoggerMessage(6012, LogLevel.Information, "Room {Room} follows the cluster: mode {Mode}, auto-reply {AutoReply}, set on host {HostId}")]
    public static partial void ModeApplied(ILogger logger, string room, string mode, string autoReply, string hostId);

    [LoggerMessage(6013, LogLevel.Error, "Reading the cluster's {What} failed unexpectedly")]
    public static partial void SharedStateFailed(ILogger logger, string what, Exception exception);
}
