namespace ChatOps.Cli.Bench;

/// <summary>
/// CPU time used so far by the load generator and, when their process ids are known, by each process of the relay (one
/// for a single host; the hosts and Redis for a cluster).
/// </summary>
internal readonly record struct CpuTimes(TimeSpan Own, IReadOnlyList<TimeSpan?> Servers)
{
    public static CpuTimes Now(IReadOnlyList<int> serverPids) => new(ProcessProbe.OwnCpu(), [.. serverPids.Select(pid => ProcessProbe.Cpu(pid))]);

    /// <summary>Seconds each relay process used from <paramref name="from"/> to <paramref name="to"/>; null for one that could not be read twice.</summary>
    public static double?[] Each(CpuTimes from, CpuTimes to) =>
        [.. (from.Servers ?? []).Zip(to.Servers ?? [], (a, b) => a is { } x && b is { } y ? (double?)(y - x).TotalSeconds : null)];

    /// <summary>The relay's CPU seconds, all its processes summed; null when none was given or one could not be read.</summary>
    public static double? Sum(double?[] each) => each.Length == 0 || each.Any(e => e is null) ? null : each.Sum(e => e!.Value);
}
