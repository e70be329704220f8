using HdrHistogram;

namespace ChatOps.Cli.Bench;

/// <summary>
/// What a fan-out run measured; serialised as-is by <c>--json</c>. Latencies in milliseconds, from the time a line was
/// due (paced) or its write started (<c>--rate 0</c>). <see cref="ClosedByServer"/> counts every connection the relay
/// closed or reset: clients that were reading plus slow readers. <see cref="RepeatedDeliveries"/> counts lines a client
/// got twice, or after a later line of the same sender (a relay keeps each sender's order): they are not received, so a
/// line doubled cannot hide one lost. With several relay processes (a cluster's hosts and Redis) the server CPU is their
/// sum, and <see cref="ServerCpuSecondsEach"/> each one's, in <c>--server-pid</c> order.
/// </summary>
internal sealed record FanoutReport(
    string Kind,
    int Clients,
    int Senders,
    int Rate,
    int Window,
    string? WindowAck,
    int LineBytes,
    double DurationSeconds,
    int ConnectFailed,
    string? ConnectError,
    Summary ConnectMs,
    long SentLines,
    double OfferedLinesPerSecond,
    long ExpectedDeliveries,
    long ReceivedDeliveries,
    long LostDeliveries,
    long RepeatedDeliveries,
    double LossPercent,
    double DeliveredLinesPerSecond,
    LatencyReport LatencyMs,
    int ClosedByServer,
    int ClientsCutByServer,
    int SlowReaders,
    int SlowReadersCutByServer,
    double GeneratorCpuSeconds,
    double GeneratorCpuPercentOfOneCore,
    double? ServerCpuSeconds,
    double? ServerCpuPercentOfOneCore,
    int ServerProcesses,
    double?[]? ServerCpuSecondsEach,
    string? Error)
{
    public IEnumerable<string> ToText()
    {
        yield return $"fanout: {Clients} clients, {Senders} senders x {(Rate > 0 ? $"{Rate} lines/s" : $"max (window {Window}, acknowledged by {(WindowAck == "slowest" ? "the slowest client" : "a witness client")})")}, {LineBytes}-byte lines, {DurationSeconds:0.#} s";
        if (Error is not null)
            yield return $"  error: {Error}";
        yield return $"  connect: {ConnectFailed} failed; ms p50 {ConnectMs.P50:0.###} p90 {ConnectMs.P90:0.###} p99 {ConnectMs.P99:0.###} max {ConnectMs.Max:0.###}";
        yield return $"  offered {OfferedLinesPerSecond:0} lines/s ({SentLines} lines); delivered {DeliveredLinesPerSecond:0} lines/s";
        yield return $"  deliveries: expected {ExpectedDeliveries}, received {ReceivedDeliveries}, lost {LostDeliveries} ({LossPercent:0.####} %), repeated or out of order {RepeatedDeliveries}";
        yield return $"  latency ms: p50 {LatencyMs.P50} p90 {LatencyMs.P90} p99 {LatencyMs.P99} p99.9 {LatencyMs.P999} max {LatencyMs.Max}";
        yield return $"  closed by server: {ClosedByServer} connections ({ClientsCutByServer} clients, {SlowReadersCutByServer}/{SlowReaders} slow readers)";
        yield return $"  cpu: generator {GeneratorCpuSeconds:0.00} s ({GeneratorCpuPercentOfOneCore:0} % of a core)"
            + (ServerCpuSeconds is { } s ? $", server {s:0.00} s ({ServerCpuPercentOfOneCore:0} % of a core{(ServerProcesses > 1 ? $", {ServerProcesses} processes summed: {string.Join(" + ", (ServerCpuSecondsEach ?? []).Select(e => $"{e:0.00}"))} s" : "")})" : "");
    }
}

internal sealed record LatencyReport(double P50, double P90, double P99, double P999, double Max)
{
    public static LatencyReport Of(HistogramBase h) => h.TotalCount == 0 ? new(0, 0, 0, 0, 0)
        : new(Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(90)), Ms(h.GetValueAtPercentile(99)), Ms(h.GetValueAtPercentile(99.9)), Ms(h.GetMaxValue()));

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
