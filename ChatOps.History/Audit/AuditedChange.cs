using ChatOps.History.Internal;
using ChatOps.History.Status;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChatOps.History.Audit;

/// <summary>
/// An operator's change to a stored list (bans, the roster) and its audit entry, in one transaction: both are saved or
/// neither. A storage fault is reported to the history's status and logged, and gives false; it never throws.
/// </summary>
internal static class AuditedChange
{
    public static async Task<bool> SaveAsync(HistoryDatabase database, HistoryStatus status, TimeProvider time, ILogger logger,
        AuditEntry audit, Func<SqliteConnection, SqliteTransaction, Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await change(connection, transaction);
            await AuditRows.InsertAsync(connection, transaction, audit, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (StorageFaults.IsStorage(ex))
        {
            var error = status.ReportStorageFault(ex, time.GetUtcNow());
            HistoryLog.SaveFailed(logger, database.FilePath, error, ex);
            return false;
        }
    }
}
