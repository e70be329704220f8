using System.Globalization;
using System.Text.Json.Serialization;

namespace ChatOps.Grading.Reports;

/// <summary>A <see cref="CheckReport"/> as JSON, in one language: the contract of docs/grading.md.</summary>
internal sealed record ReportJson(
    [property: JsonPropertyName("student"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Student,
    [property: JsonPropertyName("exercise")] string Exercise,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("checks")] IReadOnlyList<ReportRowJson> Checks,
    [property: JsonPropertyName("passed")] int Passed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("skipped")] int Skipped)
{
    public static ReportJson Of(CheckReport report, CultureInfo culture) => new(
        report.Student,
        report.Exercise,
        report.Target,
        LanguageOf(culture),
        report.Checks.Select(c => new ReportRowJson(c.Name, c.Result, c.Reason.Text(culture), c.Reason.Key, c.Reason.Args, c.Ms)).ToList(),
        report.Passed,
        report.Failed,
        report.Skipped);

    /// <summary><c>fr</c> or <c>en</c>: the language the reasons' text is in (English for any culture but French).</summary>
    private static string LanguageOf(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" ? "fr" : "en";
}
