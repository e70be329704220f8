using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Writing;

internal static class LabSessionRows
{
    public static async Task<long> OpenAsync(SqliteConnection connection, SqliteTransaction transaction, string room, DateTimeOffset at, string mode, string endpoints, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO lab_sessions (room, started_at, mode, endpoints) VALUES ($room, $at, $mode, $endpoints) RETURNING id;";
        command.Parameters.AddWithValue("$room", room);
        command.Parameters.AddWithValue("$at", UnixMs.From(at));
        command.Parameters.AddWithValue("$mode", mode);
        command.Parameters.AddWithValue("$endpoints", endpoints);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task CloseAsync(SqliteConnection connection, SqliteTransaction transaction, long id, DateTimeOffset at, string reason, string? by, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE lab_sessions SET stopped_at = $at, stop_reason = $reason, stopped_by = $by WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", UnixMs.From(at));
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$by", (object?)by ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
