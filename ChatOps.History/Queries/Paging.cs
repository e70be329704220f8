namespace ChatOps.History.Queries;

internal static class Paging
{
    /// <summary>Bad page numbers from a URL become the nearest valid ones rather than errors.</summary>
    public static (int Index, int Size) Clamp(int pageIndex, int pageSize, int maxPageSize) =>
        (Math.Max(0, pageIndex), Math.Clamp(pageSize, 1, maxPageSize));
}
