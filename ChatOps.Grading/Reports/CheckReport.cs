using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Grading.Reports;

/// <summary>
/// One server's report: what <c>chatops check --json</c> prints on one line, and what the dashboard exports (one per
/// target, with the student's name first). As JSON (<see cref="ReportJson"/>) the names of the fields, of the checks
/// and of the reasons' keys are a contract: graders' scripts read them.
/// </summary>
/// <param name="Student">The student's name or seat; null (and left out of the JSON) on the command line.</param>
/// <param name="Exercise"><c>echo</c>, <c>sync</c>, <c>async</c> or <c>relay</c>.</param>
/// <param name="Target"><c>host:port</c>, the host as the teacher typed it.</param>
public sealed record CheckReport(string? Student, string Exercise, string Target, IReadOnlyList<CheckReportRow> Checks, int Passed, int Failed, int Skipped)
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

    /// <summary>This report as one JSON object on one line, its reasons in the language of <see cref="CultureInfo.CurrentUICulture"/>.</summary>
    public string ToJson() => ToJson(CultureInfo.CurrentUICulture);

    /// <summary>This report as one JSON object on one line, its reasons in <paramref name="culture"/>'s language.</summary>
    public string ToJson(CultureInfo culture) => JsonSerializer.Serialize(ReportJson.Of(this, culture), Options);

    /// <summary>Reports as one JSON array, one object per target, their reasons in <paramref name="culture"/>'s language.</summary>
    public static string ToJson(IReadOnlyList<CheckReport> reports, CultureInfo culture) =>
        JsonSerializer.Serialize(reports.Select(r => ReportJson.Of(r, culture)).ToList(), Options);
}
