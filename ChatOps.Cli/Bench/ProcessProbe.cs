using System.Diagnostics;

namespace ChatOps.Cli.Bench;

/// <summary>
/// CPU time, resident memory and open handles of a process, through <see cref="Process"/> (which reads the kernel's
/// figures with the system's real clock-tick rate and page size). Null when there is no such process (any more).
/// </summary>
internal static class ProcessProbe
{
    public static TimeSpan OwnCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public static TimeSpan? Cpu(int? pid) => Read(pid, p => p.TotalProcessorTime);

    public static long? RssKiB(int? pid) => Read(pid, p => p.WorkingSet64 / 1024);

    /// <summary>Open descriptors on Linux (sockets included): how many connections the relay really accepted.</summary>
    public static int? OpenFiles(int? pid) => Read(pid, p => p.HandleCount);

    private static T? Read<T>(int? pid, Func<Process, T> read)
        where T : struct
    {
        if (pid is not { } id)
            return null;
        try
        {
            using var process = Process.GetProcessById(id);
            return read(process);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // No process with that id, or it exited between the lookup and the read.
            return null;
        }
    }
}
