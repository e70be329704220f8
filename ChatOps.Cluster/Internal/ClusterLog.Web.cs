using Microsoft.Extensions.Logging;

namespace ChatOps.Cluster.Internal;

// The web side of the cluster (ChatOps.Web/Cluster: the hub's backplane, the shared sign-in): event ids 6030–6049.
internal static partial class ClusterLog
{
    [LoggerMessage(6030, LogLevel.Information, "Hub clients of every host get this host's events through Redis, as host {HostId}")]
    public static partial void HubShared(ILogger logger, string hostId);

    [LoggerMessage(6031, LogLevel.Warning, "{Count} hub event(s) of this host did not reach the other hosts' hub clients: Redis was down or slow")]
    public static partial void HubEventsNotShared(ILogger logger, long count);

    [LoggerMessage(6032, LogLevel.Warning, "A sign-out could not be written to Redis ({Reason}): the other hosts accept the ended sign-in until Redis answers, then it ends there too")]
    public static partial void SignOutNotShared(ILogger logger, string reason);

    [LoggerMessage(6033, LogLevel.Information, "The cluster's sign-in stamp changed (a sign-out on another host, or this host joined the cluster): sign-ins made here with the previous one ended")]
    public static partial void StampAdopted(ILogger logger);

    [LoggerMessage(6034, LogLevel.Warning, "Reading the cluster's sign-in stamp from Redis failed ({Reason}): cookies of the other hosts are refused here until Redis answers")]
    public static partial void StampNotRead(ILogger logger, string reason);
}
