namespace ChatOps.Cli.Bench;

/// <summary>
/// When each line of a sender is due, in timestamp ticks: line n at <c>Origin + n × TicksPerLine</c>, for the
/// <see cref="Total"/> lines due before the end. A batch of an as-fast-as-possible sender is a schedule whose lines are
/// all due at the moment its write starts (<see cref="AllAt"/>).
/// </summary>
internal readonly record struct LineSchedule(long Origin, double TicksPerLine, long Total)
{
    public static LineSchedule Paced(long origin, double ticksPerLine, long end) =>
        new(origin, ticksPerLine, end <= origin ? 0 : (long)Math.Ceiling((end - origin) / ticksPerLine));

    public static LineSchedule AllAt(long now) => new(now, 0, long.MaxValue);

    public long DueAt(long line) => Origin + (long)(line * TicksPerLine);

    /// <summary>How many lines are due at <paramref name="now"/> (line n is due once <c>DueAt(n) ≤ now</c>).</summary>
    public long DueBy(long now)
    {
        if (now < Origin)
            return 0;
        if (TicksPerLine <= 0)
            return Total;
        return Math.Min(Total, (long)((now - Origin) / TicksPerLine) + 1);
    }
}
