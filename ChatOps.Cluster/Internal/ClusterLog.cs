using Microsoft.Extensions.Logging;

namespace ChatOps.Cluster.Internal;

internal static partial class ClusterLog
{
    [LoggerMessage(6001, LogLevel.Warning, "Redis is down ({Reason}): host {HostId} relays among its own clients until it answers again")]
    public static partial void RedisDown(ILogger logger, string hostId, string reason);

    [LoggerMessage(6002, LogLevel.Information, "Redis answers: host {HostId} shares its rooms through it")]
    public static partial void RedisUp(ILogger logger, string hostId);

    [LoggerMessage(6003, LogLevel.Warning, "Room {Room}: {Count} broadcast(s) kept while Redis was down were dropped from the backlog (Cluster:OutageBacklog); the other hosts will not get them")]
    public static partial void BacklogDropped(ILogger logger, string room, long count);

    [LoggerMessage(6004, LogLevel.Warning, "Room {Room}: a stream entry without the expected fields was skipped ({Id})")]
    public static partial void BadEntry(ILogger logger, string room, string id);

    [LoggerMessage(6006, LogLevel.Information, "Room {Room} is shared through Redis as host {HostId}")]
    public static partial void Sharing(ILogger logger, string room, string hostId);

    [LoggerMessage(6007, LogLevel.Error, "Room {Room}: applying an arret from the cluster failed unexpectedly")]
    public static partial void ControlFailed(ILogger logger, string room, Exception exception);

    [LoggerMessage(6005, LogLevel.Error, "Room {Room}: the cluster bus failed unexpectedly")]
    public static partial void BusFailed(ILogger logger, string room, Exception exception);
}
