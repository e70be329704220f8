using ChatOps.History.Internal;
using ChatOps.History.Options;
using ChatOps.History.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.History.Retention;

/// <summary>Runs the retention cleanup at start and every <see cref="HistoryOptions.CleanupInterval"/>.</summary>
internal sealed class RetentionService(HistoryRetention retention, HistoryDatabase database, IOptions<HistoryOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await retention.CleanupAsync(stoppingToken);
                if (result is { Cutoff: { } cutoff } && (result.Lines | result.LabSessions | result.AuditEntries | result.ExpiredBans) != 0)
                    HistoryLog.Cleaned(logger, result.Lines, result.LabSessions, result.AuditEntries, result.ExpiredBans, cutoff);
            }
            catch (Exception ex) when (StorageFaults.IsStorage(ex))
            {
                // The writer reports the database's faults on the status; a cleanup simply waits for the next round.
                HistoryLog.CleanupFailed(logger, database.FilePath, StorageFaults.Describe(ex), ex);
            }
            try
            {
                await Task.Delay(options.Value.CleanupInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping: this is how the loop ends.
                return;
            }
        }
    }
}
