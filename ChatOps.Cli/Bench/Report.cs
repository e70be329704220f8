namespace ChatOps.Cli.Bench;

/// <summary>Turns the counters of a finished run into its report.</summary>
internal static class Report
{
    public static FanoutReport Fanout(
        FanoutSettings s, ConnectResult connect, ConnectResult slow, Sender[] senders, Receiver[] receivers,
        CpuTimes cpuFrom, CpuTimes cpuTo)
    {
        var seconds = s.Duration.TotalSeconds;
        var sent = senders.Sum(x => x.Measured);
        var expected = sent * Math.Max(0, receivers.Length - 1);
        var received = receivers.Sum(r => r.Measured);
        var repeated = receivers.Sum(r => r.Repeated);
        var latency = Latency.Merge(receivers.Select(r => r.Latency));
        var clientsClosed = connect.Connections.Count(c => c.ClosedByServer);
        var slowClosed = slow.Connections.Count(c => c.ProbeClosed());
        var own = (cpuTo.Own - cpuFrom.Own).TotalSeconds;
        var each = CpuTimes.Each(cpuFrom, cpuTo);
        var server = CpuTimes.Sum(each);
        return new FanoutReport(
            Kind: "fanout",
            Clients: s.Clients,
            Senders: s.Senders,
            Rate: s.Rate,
            Window: s.Window,
            WindowAck: s.Paced ? null : s.WindowAck.ToString().ToLowerInvariant(),
            LineBytes: s.LineBytes,
            DurationSeconds: seconds,
            ConnectFailed: connect.Failed,
            ConnectError: connect.FirstError,
            ConnectMs: connect.ConnectMillis(),
            SentLines: sent,
            OfferedLinesPerSecond: Math.Round(sent / seconds, 1),
            ExpectedDeliveries: expected,
            ReceivedDeliveries: received,
            LostDeliveries: Math.Max(0, expected - received),
            RepeatedDeliveries: repeated,
            LossPercent: expected == 0 ? 0 : Math.Round(100.0 * Math.Max(0, expected - received) / expected, 4),
            DeliveredLinesPerSecond: Math.Round(received / seconds, 1),
            LatencyMs: LatencyReport.Of(latency),
            ClosedByServer: clientsClosed + slowClosed,
            ClientsCutByServer: clientsClosed,
            SlowReaders: s.SlowReaders,
            SlowReadersCutByServer: slowClosed,
            GeneratorCpuSeconds: Math.Round(own, 3),
            GeneratorCpuPercentOfOneCore: Math.Round(100 * own / seconds, 1),
            ServerCpuSeconds: server is { } sv ? Math.Round(sv, 3) : null,
            ServerCpuPercentOfOneCore: server is { } sp ? Math.Round(100 * sp / seconds, 1) : null,
            ServerProcesses: s.ServerPids.Count,
            ServerCpuSecondsEach: each.Length > 1 ? [.. each.Select(e => e is { } v ? Math.Round(v, 3) : (double?)null)] : null,
            Error: null);
    }
}
