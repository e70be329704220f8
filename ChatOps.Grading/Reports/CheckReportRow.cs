using System.Text.Json.Serialization;

namespace ChatOps.Grading.Reports;

/// <summary>One check in a <see cref="CheckReport"/>: <c>{"name", "result": "pass|fail|skip", "reason", "ms"}</c>.</summary>
/// <param name="Ms">Milliseconds the check took (0 when it did not run).</param>
public sealed record CheckReportRow(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("result")] CheckVerdict Result,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("ms")] long Ms)
{
    /// <summary>The row of one of the runner's results.</summary>
    public static CheckReportRow Of(CheckResult result) => new(result.Name, result.Verdict, result.Reason, (long)result.Elapsed.TotalMilliseconds);
}
