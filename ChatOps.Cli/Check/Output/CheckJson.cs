using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Cli.Check.Output;

/// <summary>
/// The report as one JSON object on one line (a class's runs append to a .jsonl file). The names of the fields and of
/// the checks are a contract: graders' scripts read them.
/// </summary>
internal static class CheckJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(CheckTarget target, string exercise, IReadOnlyList<CheckResult> results)
    {
        var counts = CheckCounts.Of(results);
        var report = new Report(
            exercise,
            target.ToString(),
            results.Select(r => new Row(r.Name, r.Verdict.ToString().ToLowerInvariant(), r.Reason, (long)r.Elapsed.TotalMilliseconds)).ToList(),
            counts.Passed,
            counts.Failed,
            counts.Skipped);
        return JsonSerializer.Serialize(report, Options);
    }

    private sealed record Report(
        [property: JsonPropertyName("exercise")] string Exercise,
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("checks")] IReadOnlyList<Row> Checks,
        [property: JsonPropertyName("passed")] int Passed,
        [property: JsonPropertyName("failed")] int Failed,
        [property: JsonPropertyName("skipped")] int Skipped);

    private sealed record Row(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("result")] string Result,
        [property: JsonPropertyName("reason")] string Reason,
        [property: JsonPropertyName("ms")] long Ms);
}
