namespace ChatOps.History.Retention;

/// <summary>What one cleanup removed; <see cref="Cutoff"/> is null when retention is off (<c>Data:RetentionDays</c> = 0).</summary>
public sealed record RetentionResult(DateTimeOffset? Cutoff, int Lines, int LabSessions, int AuditEntries, int ExpiredBans);
