using ChatOps.History.Status;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Web.Health;

/// <summary>
/// The history is written and keeps up. Its last write failed: unhealthy (lines wait in memory, bounded, then are lost).
/// More than <see cref="LagLimit"/> events wait to be written: degraded (the writer falls behind; its queue holds 65536).
/// </summary>
internal sealed class HistoryHealthCheck(HistoryStatus status) : IHealthCheck
{
    /// <summary>Events waiting before the history counts as behind: about 15 s of a busy lab's 600 lines a second.</summary>
    public const int LagLimit = 10_000;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(status.Current));

    public static HealthCheckResult Evaluate(HistoryHealth history)
    {
        var data = new Dictionary<string, object>
        {
            ["pending"] = history.Pending,
            ["linesWritten"] = history.LinesWritten,
            ["eventsDropped"] = history.EventsDropped,
        };
        if (history.LastWriteAt is { } written)
            data["lastWriteAt"] = written;
        if (history.IsFaulted)
            return HealthCheckResult.Unhealthy($"cannot write {history.DatabaseFile}: {history.LastError}", data: data);
        if (history.Pending > LagLimit)
            return HealthCheckResult.Degraded($"{history.Pending} events wait to be written", data: data);
        return HealthCheckResult.Healthy($"writing {history.DatabaseFile}", data);
    }
}
