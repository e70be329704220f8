using ChatOps.Cluster.Control;
using ChatOps.History.Audit;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Web.Records;

/// <summary>
/// The dashboard's Start and its room switches ("clients may send arret", the auto-reply), with their audit entries. The
/// history writer records mode switches and stops from the engine's events, but a start carries no actor and the
/// switches raise no event.
/// </summary>
internal sealed class EngineControl(ChatServer server, TimeProvider time, AuditLog? audit = null, ClusterModes? clusterModes = null)
{
    public const string ClientArretSetting = "clients may send arret";

    public const string AutoReplySetting = "auto-reply";

    /// <summary>
    /// Starts one room (by name), or every stopped room when <paramref name="room"/> is null, then records who did; throws
    /// <see cref="ChatEngineStartException"/> (nothing recorded) when it cannot.
    /// </summary>
    public async Task StartAsync(string by, string? byIp, string? room = null, CancellationToken cancellationToken = default)
    {
        var started = room is null ? null : server.Room(room) ?? throw new ChatEngineStartException($"There is no room named {room}.");
        if (started is null)
            await server.StartAsync(cancellationToken);
        else
            await started.StartAsync(cancellationToken);
        var target = started is null
            ? string.Join(", ", server.Rooms.Select(Describe))
            : Describe(started);
        if (audit is not null)
            await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.Start, by, byIp, Target: target), cancellationToken);
    }

    /// <summary>Sets whether a client's arret stops its room (or the server), and records the change (nothing when it does not change).</summary>
    public async Task SetClientArretAsync(ChatEngine room, bool allowed, string by, string? byIp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (room.AllowClientArret == allowed)
            return;
        room.AllowClientArret = allowed;
        await RecordSettingAsync(room, ClientArretSetting, allowed ? "on" : "off", by, byIp, cancellationToken);
    }

    /// <summary>Sets who answers the served client in a sync or async room, and records the change (nothing when it does not change).</summary>
    public async Task SetAutoReplyAsync(ChatEngine room, AutoReply reply, string by, string? byIp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (room.AutoReply == reply)
            return;
        room.AutoReply = reply;
        // In a cluster the same room on every host answers alike (mode switches are shared on their own).
        if (clusterModes is not null)
            await clusterModes.ShareAsync(room);
        await RecordSettingAsync(room, AutoReplySetting, reply.ToString(), by, byIp, cancellationToken);
    }

    private async Task RecordSettingAsync(ChatEngine room, string setting, string value, string by, string? byIp, CancellationToken cancellationToken)
    {
        if (audit is null)
            return;
        var target = server.Rooms.Count > 1 ? $"{setting} (room {room.Name})" : setting;
        await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.Setting, by, byIp, target, value), cancellationToken);
    }

    private string Describe(ChatEngine room)
    {
        var mode = room.Mode.ToString().ToLowerInvariant();
        return server.Rooms.Count > 1 ? $"{room.Name} ({mode})" : mode;
    }
}
