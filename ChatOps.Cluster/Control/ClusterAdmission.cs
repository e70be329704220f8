using System.Net;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Cluster.Control;

/// <summary>
/// The door of a host in a cluster: the cluster's bans first, then this host's own check (the web host's ban list), so
/// that an address banned on any host, or only here, is refused.
/// </summary>
public sealed class ClusterAdmission(ClusterBans cluster, IConnectionAdmission? local) : IConnectionAdmission
{
    public string? Refuse(IPAddress address, Notices notices) => cluster.Refuse(address, notices) ?? local?.Refuse(address, notices);
}
