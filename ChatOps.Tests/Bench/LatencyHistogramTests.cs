using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_the_bucket_error()
    {
        var histogram = new LatencyHistogram();
        for (var micros = 1; micros <= 100_000; micros++)
            histogram.Record(micros);

        Assert.InRange(histogram.Percentile(0.50), 50_000, 50_000 * 1.016);
        Assert.InRange(histogram.Percentile(0.99), 99_000, 99_000 * 1.016);
        Assert.Equal(100_000, histogram.Percentile(1.0));
        Assert.Equal(100_000, histogram.MaxMicros);
    }

    [Fact]
    public void Small_values_are_exact_and_merging_adds_counts()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        a.Record(10);
        b.Record(20);
        b.Record(30);

        a.Add(b);

        Assert.Equal(3, a.Count);
        Assert.Equal(20, a.Percentile(0.5));
        Assert.Equal(30, a.MaxMicros);
    }

    [Fact]
    public void An_empty_histogram_reports_zero() => Assert.Equal(0, new LatencyHistogram().Percentile(0.99));
}
