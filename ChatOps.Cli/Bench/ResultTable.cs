using System.Globalization;
using System.Text.Json;

namespace ChatOps.Cli.Bench;

/// <summary>Reads compare.sh's JSON lines and renders them: every run, then medians and ratios (Markdown tables).</summary>
internal static class ResultTable
{
    private static readonly string[] ServerOrder = ["ncat", "chatops", "chatops-cluster3", "web"];

    // (column title, JSON path in a report) for each kind of scenario.
    private static readonly (string Title, string Path)[] FanoutMetrics =
    [
        ("delivered/s", "deliveredLinesPerSecond"), ("loss %", "lossPercent"), ("repeated", "repeatedDeliveries"), ("p50 ms", "latencyMs.p50"), ("p99 ms", "latencyMs.p99"),
        ("p99.9 ms", "latencyMs.p999"), ("max ms", "latencyMs.max"), ("connect p99 ms", "connectMs.p99"), ("server cpu %", "serverCpuPercentOfOneCore"),
        ("generator cpu %", "generatorCpuPercentOfOneCore"), ("closed by server", "closedByServer"), ("slow cut", "slowReadersCutByServer"),
    ];

    private static readonly (string Title, string Path)[] ConnsMetrics =
    [
        ("connected", "connected"), ("open after hold", "stillOpenAfterHold"), ("server fds added", "serverDescriptorsAdded"),
        ("KiB/conn", "serverKiBPerConnection"), ("connect p50 ms", "connectMs.p50"), ("connect p99 ms", "connectMs.p99"),
    ];

    public static List<Run> Read(IEnumerable<string> lines)
    {
        var runs = new List<Run>();
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            runs.Add(new Run(root.GetProperty("server").GetString()!, root.GetProperty("scenario").GetString()!,
                root.GetProperty("round").GetInt32(), root.GetProperty("result").Clone()));
        }
        return runs;
    }

    public static IEnumerable<string> Render(List<Run> runs)
    {
        foreach (var scenario in runs.Select(r => r.Scenario).Distinct())
        {
            var inScenario = runs.Where(r => r.Scenario == scenario).ToList();
            var metrics = inScenario[0].Result.GetProperty("kind").GetString() == "conns" ? ConnsMetrics : FanoutMetrics;
            var servers = inScenario.Select(r => r.Server).Distinct().OrderBy(s => Array.IndexOf(ServerOrder, s) is var i && i < 0 ? 99 : i).ToList();
            yield return "";
            yield return $"### Scenario {scenario}";
            yield return "";
            yield return "| run | " + string.Join(" | ", metrics.Select(m => m.Title)) + " |";
            yield return "|---|" + string.Concat(metrics.Select(_ => "---:|"));
            foreach (var run in inScenario.OrderBy(r => servers.IndexOf(r.Server)).ThenBy(r => r.Round))
                yield return $"| {run.Server} #{run.Round} | " + string.Join(" | ", metrics.Select(m => Format(Value(run.Result, m.Path)))) + " |";
            var medians = servers.ToDictionary(s => s, s => metrics.Select(m => Median(inScenario.Where(r => r.Server == s).Select(r => Value(r.Result, m.Path)))).ToArray());
            foreach (var server in servers)
                yield return $"| **{server} median** | " + string.Join(" | ", medians[server].Select(Format)) + " |";
            foreach (var (num, den) in new[] { ("chatops", "ncat"), ("web", "ncat"), ("web", "chatops"), ("chatops-cluster3", "chatops") })
            {
                if (medians.TryGetValue(num, out var n) && medians.TryGetValue(den, out var d))
                    yield return $"| *{num}/{den}* | " + string.Join(" | ", n.Zip(d, Ratio)) + " |";
            }
        }
    }

    private static double? Value(JsonElement report, string path)
    {
        var e = report;
        foreach (var part in path.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(part, out e))
                return null;
        }
        return e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToArray();
        if (sorted.Length == 0)
            return null;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d != 0 ? (n / d).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    private static string Format(double? value) => value switch
    {
        null => "–",
        >= 1000 => value.Value.ToString("#,0", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}

internal sealed record Run(string Server, string Scenario, int Round, JsonElement Result);
