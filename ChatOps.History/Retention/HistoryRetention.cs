using ChatOps.History.Options;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatOps.History.Retention;

/// <summary>Removes what is older than <see cref="HistoryOptions.RetentionDays"/>, and bans that have expired.</summary>
public sealed class HistoryRetention
{
    private readonly HistoryDatabase _database;
    private readonly HistoryOptions _options;
    private readonly TimeProvider _time;

    internal HistoryRetention(HistoryDatabase database, IOptions<HistoryOptions> options, TimeProvider time)
    {
        _database = database;
        _options = options.Value;
        _time = time;
    }

    public async Task<RetentionResult> CleanupAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? cutoff = _options.RetentionDays == 0 ? null : now.AddDays(-_options.RetentionDays);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var bans = await DeleteAsync(connection, transaction, "DELETE FROM bans WHERE expires_at IS NOT NULL AND expires_at <= $t;", now, cancellationToken);
        var result = new RetentionResult(null, 0, 0, 0, bans);
        if (cutoff is { } c)
        {
            result = result with
            {
                Cutoff = c,
                Lines = await DeleteAsync(connection, transaction, "DELETE FROM lines WHERE at < $t;", c, cancellationToken),
                // A session still running is kept however old it is: the writer is adding to it.
                LabSessions = await DeleteAsync(connection, transaction, "DELETE FROM lab_sessions WHERE stopped_at IS NOT NULL AND stopped_at < $t;", c, cancellationToken),
                AuditEntries = await DeleteAsync(connection, transaction, "DELETE FROM audit WHERE at < $t;", c, cancellationToken),
            };
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<int> DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$t", UnixMs.From(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
