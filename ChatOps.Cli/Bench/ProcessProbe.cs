using System.Diagnostics;
using System.Globalization;

namespace ChatOps.Cli.Bench;

/// <summary>CPU time, resident memory and open descriptors of a process, read from /proc (Linux).</summary>
internal static class ProcessProbe
{
    public static TimeSpan OwnCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    public static TimeSpan? Cpu(int? pid)
    {
        if (pid is not { } p || !TryRead($"/proc/{p}/stat", out var stat))
            return null;
        // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux.
    }

    public static long? RssKiB(int? pid)
    {
        if (pid is not { } p || !TryRead($"/proc/{p}/status", out var status))
            return null;
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return null;
    }

    public static int? OpenFiles(int? pid)
    {
        if (pid is not { } p)
            return null;
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{p}/fd").Count();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool TryRead(string path, out string text)
    {
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            text = "";
            return false;
        }
    }
}
