using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Grading.Reports;

/// <summary>
/// One check as JSON: <c>{"name", "result", "reason", "reason_key", "reason_args", "ms"}</c>. <c>reason</c> is the
/// sentence in the report's language; <c>reason_key</c> and <c>reason_args</c> are the same reason as data, the same
/// in every language (a script compares those).
/// </summary>
internal sealed record ReportRowJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("result")] CheckVerdict Result,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("reason_key")] string ReasonKey,
    [property: JsonPropertyName("reason_args"), JsonConverter(typeof(ReasonArgsJsonConverter))] IReadOnlyList<object> ReasonArgs,
    [property: JsonPropertyName("ms")] long Ms);
