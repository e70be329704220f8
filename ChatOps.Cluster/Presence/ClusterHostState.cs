namespace ChatOps.Cluster.Presence;

/// <summary>A host of the cluster as another host sees it: its last heartbeat, or none left (gone: expired or stopped).</summary>
public sealed record ClusterHostState(string HostId, HostSummary? Summary)
{
    public bool IsAlive => Summary is not null;
}
