namespace ChatOps.Cli.Bench;

/// <summary>CPU time used so far by the load generator and, when its process id is known, by the relay.</summary>
internal readonly record struct CpuTimes(TimeSpan Own, TimeSpan? Server)
{
    public static CpuTimes Now(int? serverPid) => new(ProcessProbe.OwnCpu(), ProcessProbe.Cpu(serverPid));
}
