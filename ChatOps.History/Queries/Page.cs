namespace ChatOps.History.Queries;

/// <summary>One page of a query, with the total the pager needs.</summary>
/// <param name="PageIndex">Zero-based, as MudBlazor's tables count.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int PageIndex, int PageSize);
