namespace ChatOps.Cluster.Control;

/// <summary>
/// An address refused by every host of the cluster, until <see cref="ExpiresAt"/> (null: until lifted): who banned it,
/// on which host, and why. Stored as JSON in the cluster's ban hash, under the address as <c>IpText</c> shows it.
/// </summary>
public sealed record ClusterBan(string Ip, DateTimeOffset At, DateTimeOffset? ExpiresAt, string By, string HostId, string? Reason)
{
    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is not { } end || now < end;
}
