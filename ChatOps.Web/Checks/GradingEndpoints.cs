using System.Globalization;
using System.Text;
using ChatOps.Grading.Reports;
using ChatOps.History.Grading;

namespace ChatOps.Web.Checks;

/// <summary>
/// <c>GET /checks/grades.csv?run=1&amp;run=2…</c> and <c>/checks/grades.json?run=…</c>: the grid's stored runs as a
/// download, in the order of the ids. Sign-in is required, as everywhere (the fallback policy). The JSON's reasons are in
/// the request's language (the dashboard's cookie, or the browser's), beside their keys and values.
/// </summary>
internal static class GradingEndpoints
{
    // Ids in one URL: a class or two, and a query string that browsers and proxies accept.
    private const int MaxRuns = 500;

    public static string CsvPath(IEnumerable<long> runIds) => "checks/grades.csv" + Query(runIds);

    public static string JsonPath(IEnumerable<long> runIds) => "checks/grades.json" + Query(runIds);

    public static IEndpointRouteBuilder MapGradingExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/checks/grades.csv", (long[]? run, GradingStore store, TimeProvider time, CancellationToken ct) =>
            DownloadAsync(run, store, time, "csv", "text/csv; charset=utf-8", GradesCsv.Write, ct));
        endpoints.MapGet("/checks/grades.json", (long[]? run, GradingStore store, TimeProvider time, CancellationToken ct) =>
            DownloadAsync(run, store, time, "json", "application/json; charset=utf-8", r => Encoding.UTF8.GetBytes(CheckReport.ToJson(r, CultureInfo.CurrentUICulture)), ct));
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(long[]? runIds, GradingStore store, TimeProvider time, string extension, string contentType,
        Func<IReadOnlyList<CheckReport>, byte[]> format, CancellationToken cancellationToken)
    {
        if (runIds is not { Length: > 0 and <= MaxRuns })
            return Results.BadRequest($"give from 1 to {MaxRuns} run ids: ?run=1&run=2");
        var reports = await StoredGrades.ReadAsync(store, runIds, cancellationToken);
        if (reports.Count == 0)
            return Results.NotFound();
        var name = string.Create(CultureInfo.InvariantCulture, $"chatops-grades-{time.GetUtcNow():yyyyMMdd-HHmm}.{extension}");
        return Results.File(format(reports), contentType, name);
    }

    private static string Query(IEnumerable<long> runIds) =>
        "?" + string.Join('&', runIds.Select(id => string.Create(CultureInfo.InvariantCulture, $"run={id}")));
}
