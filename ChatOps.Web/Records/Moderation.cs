using ChatOps.Cluster.Control;
using ChatOps.Cluster.Presence;
using ChatOps.History.Audit;
using ChatOps.History.Bans;
using ChatOps.TcpEngine.Engine;

namespace ChatOps.Web.Records;

/// <summary>
/// The dashboard's kicks and bans, with their audit entries. The engine's <c>Kick</c> does not know who asked, and a ban
/// only closes the door: this class also kicks the sessions already open from the banned address. In a cluster
/// (<c>Cluster:Redis</c>) a ban is also the cluster's, and the Cluster panel kicks the other hosts' connections; both are
/// audited here, on the host where the teacher pressed the button.
/// </summary>
internal sealed class Moderation(ChatServer server, TimeProvider time, AuditLog? audit = null, BanList? bans = null,
    ClusterKicks? clusterKicks = null, ClusterBans? clusterBans = null)
{
    /// <summary>Whether this host can kick the other hosts' connections (it is part of a cluster).</summary>
    public bool KicksElsewhere => clusterKicks is not null;

    /// <summary>Disconnects one client and records who did it, and from which address; false when it had already gone.</summary>
    public async Task<bool> KickAsync(long sessionId, string by, string? byIp = null, CancellationToken cancellationToken = default)
    {
        var room = server.RoomOf(sessionId);
        var target = room?.GetSessions().FirstOrDefault(s => s.Id == sessionId);
        if (room is null || !room.Kick(sessionId))
            return false;
        if (audit is not null)
            await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.Kick, by, byIp, Target: target is null ? $"#{sessionId}" : $"{target.Ip}:{target.Port}"), cancellationToken);
        return true;
    }

    /// <summary>
    /// Asks host <paramref name="hostId"/> to disconnect one of its clients (as its heartbeat listed it), with the notice of
    /// a local kick, and records it here. False when Redis did not answer (nothing is recorded).
    /// </summary>
    /// <exception cref="InvalidOperationException">The host is not part of a cluster.</exception>
    public async Task<bool> KickElsewhereAsync(string hostId, HostConnection connection, string by, string? byIp = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (clusterKicks is null)
            throw new InvalidOperationException("Kicking another host's client needs Cluster:Redis.");
        var request = new KickRequest(connection.SessionId, connection.Ip, connection.Port, by, clusterKicks.HostId);
        if (!await clusterKicks.KickAsync(hostId, request))
            return false;
        if (audit is not null)
            await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.Kick, by, byIp, Target: $"{connection.Ip}:{connection.Port} on {hostId}"), cancellationToken);
        return true;
    }

    /// <summary>
    /// Bans <paramref name="ip"/> (the ban list records it in the audit log; in a cluster every host refuses it too) and
    /// disconnects its open sessions here (the other hosts close theirs). Returns how many were disconnected here.
    /// </summary>
    /// <exception cref="InvalidOperationException">The host runs without the history.</exception>
    public async Task<int> BanAsync(string ip, TimeSpan? duration, string by, string? reason = null, string? byIp = null, CancellationToken cancellationToken = default)
    {
        if (bans is null)
            throw new InvalidOperationException("Bans need the history (AddChatHistory).");
        await bans.BanAsync(ip, duration, by, reason, byIp, cancellationToken);
        var kicked = 0;
        foreach (var session in server.GetSessions().Where(s => bans.IsBanned(s.Ip)))
        {
            if (server.RoomOf(session.Id)?.Kick(session.Id, BannedConnections.Reason) == true)
                kicked++;
        }
        if (clusterBans is not null)
            await clusterBans.BanAsync(ip, time.GetUtcNow() + duration, by, reason);
        return kicked;
    }
}
