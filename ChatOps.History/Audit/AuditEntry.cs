namespace ChatOps.History.Audit;

/// <summary>Something an administrator (or a client, for arret) did.</summary>
/// <param name="Actor">The dashboard user, or a client's IP for a client's arret.</param>
/// <param name="ActorIp">Where the actor came from (the browser's address for dashboard actions), when known.</param>
/// <param name="Target">What it was done to: a client's IP or session, a mode.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    AuditAction Action,
    string Actor,
    string? ActorIp = null,
    string? Target = null,
    string? Detail = null);
