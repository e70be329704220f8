namespace ChatOps.History.Queries;

/// <summary>A search in the lines. Every criterion is optional; they combine with AND.</summary>
/// <param name="LabSessionId">Only this lab session's lines.</param>
/// <param name="Text">Lines whose text contains this (ignoring case and accents: CAFÉ finds café); % and _ match themselves.</param>
/// <param name="Ip">Lines whose IP starts with this (<c>10.0.0.</c> finds a whole subnet).</param>
/// <param name="From">At or after this instant.</param>
/// <param name="To">Before this instant.</param>
/// <param name="PageIndex">Zero-based page.</param>
/// <param name="PageSize">Lines per page, capped by <c>Data:MaxPageSize</c>.</param>
public sealed record LineQuery(
    long? LabSessionId = null,
    string? Text = null,
    string? Ip = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int PageIndex = 0,
    int PageSize = 100);
