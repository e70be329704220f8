namespace ChatOps.Cluster.Control;

/// <summary>
/// A student's name (and seat) given on some host of the cluster, for an address or one port of it (<see cref="Port"/>
/// null: every port), with who gave it and on which host. Stored as JSON in the cluster's roster hash.
/// </summary>
public sealed record ClusterName(string Ip, int? Port, string Name, string? Seat, DateTimeOffset At, string By, string HostId)
{
    /// <summary>The field of the roster hash: <c>10.0.0.5</c> or <c>10.0.0.5|5000</c> (IPv6 addresses have colons).</summary>
    public string Field => FieldOf(Ip, Port);

    public static string FieldOf(string ip, int? port) => port is { } p and > 0 ? $"{ip}|{p}" : ip;
}
