using ChatOps.Cluster.Control;
using ChatOps.History.Bans;
using ChatOps.History.Roster;

namespace ChatOps.Web.Records;

/// <summary>
/// This host's records and the cluster's (<c>Cluster:Redis</c> only): a ban lifted on any host is lifted from this host's
/// ban list too (its door checks both), and the roster shares names both ways (<see cref="RosterSharing"/>).
/// </summary>
internal sealed class ClusterRecords(BanList bans, ClusterBans clusterBans, RosterSharing roster, ILogger<ClusterRecords> logger) : IHostedService
{
    /// <summary>Who lifts a local ban that was lifted elsewhere in the cluster, in the audit log.</summary>
    public const string ClusterActor = "cluster";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        clusterBans.Lifted += OnLifted;
        roster.Start();
        return Task.CompletedTask;
    }

    private void OnLifted(string ip)
    {
        if (bans.IsBanned(ip))
            _ = LiftAsync(ip);
    }

    private async Task LiftAsync(string ip)
    {
        try
        {
            await bans.UnbanAsync(ip, ClusterActor);
        }
        catch (Exception e)
        {
            // The ban list reports storage faults itself; anything else is a bug worth a line.
            SharingLog.LiftFailed(logger, ip, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        clusterBans.Lifted -= OnLifted;
        roster.Dispose();
        return Task.CompletedTask;
    }
}
