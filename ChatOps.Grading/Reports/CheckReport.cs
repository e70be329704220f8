using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Grading.Reports;

/// <summary>
/// One server's report as JSON: what <c>chatops check --json</c> prints on one line, and what the dashboard exports
/// (one per target, with the student's name first). The names of the fields and of the checks are a contract: graders'
/// scripts read them.
/// </summary>
/// <param name="Student">The student's name or seat; null (and left out of the JSON) on the command line.</param>
/// <param name="Exercise"><c>echo</c>, <c>sync</c>, <c>async</c> or <c>relay</c>.</param>
/// <param name="Target"><c>host:port</c>, the host as the teacher typed it.</param>
public sealed record CheckReport(
    [property: JsonPropertyName("student"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Student,
    [property: JsonPropertyName("exercise")] string Exercise,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("checks")] IReadOnlyList<CheckReportRow> Checks,
    [property: JsonPropertyName("passed")] int Passed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("skipped")] int Skipped)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Reasons quote the server's text (é, €, quotes): kept readable; the output is JSON, never HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<CheckVerdict>(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The report of a run, from the runner's results in their order.</summary>
    public static CheckReport Of(CheckTarget target, string exercise, IReadOnlyList<CheckResult> results) =>
        Of(null, target.ToString(), exercise, results.Select(CheckReportRow.Of).ToList());

    /// <summary>A report from rows kept elsewhere (the dashboard's history); the counts are computed from the rows.</summary>
    public static CheckReport Of(string? student, string target, string exercise, IReadOnlyList<CheckReportRow> rows) => new(
        student,
        exercise,
        target,
        rows,
        rows.Count(r => r.Result == CheckVerdict.Pass),
        rows.Count(r => r.Result == CheckVerdict.Fail),
        rows.Count(r => r.Result == CheckVerdict.Skip));

    /// <summary>This report as one JSON object on one line.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reports as one JSON array, one object per target.</summary>
    public static string ToJson(IReadOnlyList<CheckReport> reports) => JsonSerializer.Serialize(reports, Options);
}
