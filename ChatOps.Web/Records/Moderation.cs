using ChatOps.History.Audit;
using ChatOps.History.Bans;
using ChatOps.TcpEngine.Engine;

namespace ChatOps.Web.Records;

/// <summary>
/// The dashboard's kicks and bans, with their audit entries. The engine's <c>Kick</c> does not know who asked, and a ban
/// only closes the door: this class also kicks the sessions already open from the banned address.
/// </summary>
internal sealed class Moderation(ChatServer server, TimeProvider time, AuditLog? audit = null, BanList? bans = null)
{
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
    /// Bans <paramref name="ip"/> (the ban list records it in the audit log) and disconnects its open sessions.
    /// Returns how many were disconnected.
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
            if (server.RoomOf(session.Id)?.Kick(session.Id, "banned") == true)
                kicked++;
        }
        return kicked;
    }
}
