namespace ChatOps.History.Audit;

/// <summary>A page of the audit log, optionally within a time range.</summary>
/// <param name="From">At or after this instant.</param>
/// <param name="To">Before this instant.</param>
/// <param name="PageIndex">Zero-based page.</param>
/// <param name="PageSize">Entries per page, capped by <c>Data:MaxPageSize</c>.</param>
public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, int PageIndex = 0, int PageSize = 100);
