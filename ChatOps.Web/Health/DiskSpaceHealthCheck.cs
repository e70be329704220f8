using ChatOps.History.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Health;

/// <summary>
/// Free space on the data folder's disk (the history, the keys). Below <see cref="DegradedBelow"/>: degraded, time to
/// clean up; below <see cref="UnhealthyBelow"/>: unhealthy, SQLite is about to fail its writes.
/// </summary>
internal sealed class DiskSpaceHealthCheck(IOptions<HistoryOptions> history) : IHealthCheck
{
    /// <summary>1 GiB: a term of a busy lab's history is a few hundred megabytes.</summary>
    public const long DegradedBelow = 1L << 30;

    /// <summary>100 MiB: a day's history, and room for SQLite's journal.</summary>
    public const long UnhealthyBelow = 100L << 20;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(history.Value.DatabaseFile)!;
        try
        {
            return Task.FromResult(Evaluate(new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A drive that cannot be asked about is a disk nobody can vouch for.
            return Task.FromResult(HealthCheckResult.Unhealthy($"cannot read the free space of {folder}: {ex.Message}"));
        }
    }

    public static HealthCheckResult Evaluate(long freeBytes)
    {
        var data = new Dictionary<string, object> { ["freeBytes"] = freeBytes };
        var text = $"{freeBytes / (1 << 20)} MiB free";
        return freeBytes < UnhealthyBelow ? HealthCheckResult.Unhealthy(text, data: data)
            : freeBytes < DegradedBelow ? HealthCheckResult.Degraded(text, data: data)
            : HealthCheckResult.Healthy(text, data);
    }
}
