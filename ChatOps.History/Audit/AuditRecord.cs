namespace ChatOps.History.Audit;

/// <summary>A stored audit entry.</summary>
public sealed record AuditRecord(long Id, AuditEntry Entry);
