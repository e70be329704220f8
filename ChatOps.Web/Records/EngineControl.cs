using ChatOps.History.Audit;
using ChatOps.TcpEngine.Engine;

namespace ChatOps.Web.Records;

/// <summary>
/// The dashboard's Start and its "clients may send arret" switch, with their audit entries. The history writer records
/// mode switches and stops from the engine's events, but a start carries no actor and the switch raises no event.
/// </summary>
internal sealed class EngineControl(ChatEngine engine, TimeProvider time, AuditLog? audit = null)
{
    public const string ClientArretSetting = "clients may send arret";

    /// <summary>Starts the engine, then records who did; throws <see cref="ChatEngineStartException"/> (nothing recorded) when it cannot.</summary>
    public async Task StartAsync(string by, string? byIp, CancellationToken cancellationToken = default)
    {
        await engine.StartAsync(cancellationToken);
        if (audit is not null)
            await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.Start, by, byIp, Target: engine.Mode.ToString().ToLowerInvariant()), cancellationToken);
    }

    /// <summary>Sets whether a client's arret stops the server, and records the change (nothing when it does not change).</summary>
    public async Task SetClientArretAsync(bool allowed, string by, string? byIp, CancellationToken cancellationToken = default)
    {
        if (engine.AllowClientArret == allowed)
            return;
        engine.AllowClientArret = allowed;
        if (audit is not null)
            await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.Setting, by, byIp, ClientArretSetting, allowed ? "on" : "off"), cancellationToken);
    }
}
