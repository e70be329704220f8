using System.Diagnostics;
using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

public sealed class ProcessProbeTests
{
    [Fact]
    public void The_cpu_of_a_process_lies_between_readings_taken_before_and_after()
    {
        using var self = Process.GetCurrentProcess();
        var before = self.TotalProcessorTime;
        var probed = ProcessProbe.Cpu(Environment.ProcessId);
        self.Refresh();
        var after = self.TotalProcessorTime;

        Assert.NotNull(probed);
        Assert.InRange(probed.Value, before, after);
    }

    [Fact]
    public void Memory_and_descriptors_of_a_running_process_are_read()
    {
        var rss = ProcessProbe.RssKiB(Environment.ProcessId);

        Assert.NotNull(rss);
        Assert.InRange(rss.Value, Environment.WorkingSet / 1024 / 2, Environment.WorkingSet / 1024 * 2);
        // Other tests open and close sockets meanwhile: the two counts are close, not equal.
        var descriptors = Directory.GetFileSystemEntries("/proc/self/fd").Length;
        Assert.InRange(ProcessProbe.OpenFiles(Environment.ProcessId) ?? 0, descriptors / 2, (descriptors * 2) + 10);
    }

    [Fact]
    public async Task A_process_that_has_exited_or_no_pid_reads_as_unknown()
    {
        int pid;
        using (var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            await exited.WaitForExitAsync(TestContext.Current.CancellationToken);
            pid = exited.Id;
        }

        Assert.Null(ProcessProbe.Cpu(pid));
        Assert.Null(ProcessProbe.RssKiB(pid));
        Assert.Null(ProcessProbe.Cpu(null));
    }
}
