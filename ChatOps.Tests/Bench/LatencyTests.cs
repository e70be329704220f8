using ChatOps.Cli.Bench;
using HdrHistogram;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Bench;

/// <summary>What a receiver records (HdrHistogram, microseconds) and how the report reads it.</summary>
public sealed class LatencyTests
{
    [Fact]
    public void A_measured_delivery_is_recorded_with_the_time_since_its_stamp()
    {
        var time = new FakeTimeProvider();
        var reader = new Receiver(1, [], time);
        var line = new byte[256];
        var length = Marker.WriteLine(line, Marker.Measured, 0, 0, time.GetTimestamp(), 64);
        length += Marker.WriteLine(line.AsSpan(length), Marker.Warmup, 0, 1, time.GetTimestamp(), 64);
        length += Marker.WriteLine(line.AsSpan(length), Marker.Measured, 1, 2, time.GetTimestamp(), 64); // its own line

        time.Advance(TimeSpan.FromMilliseconds(25));
        reader.Scan(line.AsSpan(0, length));

        Assert.Equal(1, reader.Measured);
        Assert.Equal(1, reader.Latency.TotalCount);
        Assert.InRange(reader.Latency.GetMaxValue(), 25_000, 25_000 * 1.001);
    }

    [Fact]
    public void Receivers_merge_into_one_distribution_within_a_thousandth()
    {
        var a = Latency.ForReceiver();
        var b = Latency.ForReceiver();
        for (var micros = 1; micros <= 100_000; micros++)
            Latency.Record(micros % 2 == 0 ? a : b, micros);

        var report = LatencyReport.Of(Latency.Merge([a, b]));

        Assert.InRange(report.P50, 50, 50 * 1.001);
        Assert.InRange(report.P99, 99, 99 * 1.001);
        Assert.InRange(report.P999, 99.9, 99.9 * 1.001);
        Assert.InRange(report.Max, 100, 100 * 1.001);
    }

    [Fact]
    public void A_value_past_the_range_is_kept_as_the_largest_one()
    {
        var histogram = Latency.ForReceiver();

        Latency.Record(histogram, Latency.HighestMicros * 2);
        Latency.Record(histogram, -5);

        Assert.Equal(2, histogram.TotalCount);
        Assert.InRange(histogram.GetMaxValue(), Latency.HighestMicros, Latency.HighestMicros * 1.001);
    }

    [Fact]
    public void No_delivery_reports_zero() => Assert.Equal(new LatencyReport(0, 0, 0, 0, 0), LatencyReport.Of(Latency.Merge([])));
}
