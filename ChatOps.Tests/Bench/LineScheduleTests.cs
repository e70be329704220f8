using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

public sealed class LineScheduleTests
{
    [Fact]
    public void Paced_lines_are_due_one_interval_apart_until_the_end()
    {
        var schedule = LineSchedule.Paced(origin: 1000, ticksPerLine: 10, end: 1100);

        Assert.Equal(10, schedule.Total);
        Assert.Equal(1030, schedule.DueAt(3));
        Assert.Equal(0, schedule.DueBy(999));
        Assert.Equal(1, schedule.DueBy(1000));
        Assert.Equal(3, schedule.DueBy(1029));
        Assert.Equal(4, schedule.DueBy(1030));
        Assert.Equal(10, schedule.DueBy(5000)); // Late: everything owed, nothing past the end.
    }

    [Fact]
    public void A_fractional_interval_keeps_the_rate()
    {
        var schedule = LineSchedule.Paced(origin: 0, ticksPerLine: 1_000_000_000.0 / 3, end: 1_000_000_000);

        Assert.Equal(3, schedule.Total);
        Assert.Equal(666_666_666, schedule.DueAt(2));
    }

    [Fact]
    public void A_windowed_batch_is_due_when_its_write_starts()
    {
        var schedule = LineSchedule.AllAt(42);

        Assert.Equal(42, schedule.DueAt(0));
        Assert.Equal(42, schedule.DueAt(1_000_000));
    }
}
