using ChatOps.History.Export;
using ChatOps.History.Queries;

namespace ChatOps.Web.Records;

/// <summary>
/// <c>GET /history/sessions/{id}/transcript.csv</c> and <c>.json</c>: a lab session's transcript as a download, streamed
/// from the database. Sign-in is required, as everywhere (the fallback policy).
/// </summary>
internal static class TranscriptEndpoints
{
    public static string CsvPath(long id) => $"history/sessions/{id}/transcript.csv";

    public static string JsonPath(long id) => $"history/sessions/{id}/transcript.json";

    public static IEndpointRouteBuilder MapTranscriptExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/history/sessions/{id:long}/transcript.csv", (long id, HistoryQueries queries, TranscriptExport export, CancellationToken ct) =>
            DownloadAsync(id, "csv", "text/csv; charset=utf-8", queries, (s, c) => export.WriteCsvAsync(id, s, c), ct));
        endpoints.MapGet("/history/sessions/{id:long}/transcript.json", (long id, HistoryQueries queries, TranscriptExport export, CancellationToken ct) =>
            DownloadAsync(id, "json", "application/json; charset=utf-8", queries, (s, c) => export.WriteJsonAsync(id, s, c), ct));
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(long id, string extension, string contentType, HistoryQueries queries,
        Func<Stream, CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        // Looked up first: once the body streams, a 404 can no longer be sent.
        if (await queries.GetSessionAsync(id, cancellationToken) is not { } session)
            return Results.NotFound();
        return Results.Stream(stream => write(stream, cancellationToken), contentType, TranscriptExport.FileName(session, extension));
    }
}
