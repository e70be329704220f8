using Microsoft.Extensions.Logging;

namespace ChatOps.Cluster.Control;

/// <summary>
/// The log lines of the web host's side of the sharing (its ban list and roster with the cluster's), kept with the
/// cluster's ids (6010–6029) so that one range says "control across hosts".
/// </summary>
public static partial class SharingLog
{
    [LoggerMessage(6014, LogLevel.Error, "Lifting the ban on {Ip} here, as the cluster did, failed unexpectedly")]
    public static partial void LiftFailed(ILogger logger, string ip, Exception exception);

    [LoggerMessage(6015, LogLevel.Error, "Sharing this host's roster with the cluster failed unexpectedly")]
    public static partial void RosterShareFailed(ILogger logger, Exception exception);
}
