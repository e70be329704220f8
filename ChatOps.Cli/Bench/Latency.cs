using HdrHistogram;

namespace ChatOps.Cli.Bench;

/// <summary>
/// Latency histograms in microseconds (HdrHistogram, 3 significant digits: ≤ 0.1 % error). One per receiver, written
/// only by its receive loop and merged once the loops have stopped, so recording takes no lock and allocates nothing.
/// </summary>
internal static class Latency
{
    /// <summary>One hour: far above any run (10 min at most, plus the drain); longer values are recorded as one hour.</summary>
    public const long HighestMicros = 3_600_000_000;

    private const int SignificantDigits = 3;

    /// <summary>32-bit counts (about 94 KiB a receiver): one receiver cannot see 2^31 deliveries of one value in a run.</summary>
    public static HistogramBase ForReceiver() => new IntHistogram(HighestMicros, SignificantDigits);

    /// <summary>64-bit counts for the sum of every receiver.</summary>
    public static HistogramBase Merge(IEnumerable<HistogramBase> histograms)
    {
        var total = new LongHistogram(HighestMicros, SignificantDigits);
        foreach (var h in histograms)
            total.Add(h);
        return total;
    }

    public static void Record(HistogramBase histogram, long micros) => histogram.RecordValue(Math.Clamp(micros, 0, HighestMicros));
}
