namespace ChatOps.Web.Records;

// Control across hosts on the web host: ids 6010–6029 with ChatOps.Cluster's ClusterLog.Control.
internal static partial class ClusterRecordsLog
{
    [LoggerMessage(6014, LogLevel.Error, "Lifting the ban on {Ip} here, as the cluster did, failed unexpectedly")]
    public static partial void LiftFailed(ILogger logger, string ip, Exception exception);

    [LoggerMessage(6015, LogLevel.Error, "Sharing this host's roster with the cluster failed unexpectedly")]
    public static partial void RosterShareFailed(ILogger logger, Exception exception);
}
