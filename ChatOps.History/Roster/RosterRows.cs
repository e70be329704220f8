using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Roster;

/// <summary>The <c>roster</c> table (schema 5). Port 0 stands for every port: SQLite's NULLs are never equal in a key.</summary>
internal static class RosterRows
{
    public static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, RosterEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO roster (ip, port, name, seat, updated_at, actor) VALUES ($ip, $port, $name, $seat, $at, $actor)
            ON CONFLICT (ip, port) DO UPDATE SET name = excluded.name, seat = excluded.seat, updated_at = excluded.updated_at,
                actor = excluded.actor;
            """;
        command.Parameters.AddWithValue("$ip", entry.Ip);
        command.Parameters.AddWithValue("$port", entry.Port ?? 0);
        command.Parameters.AddWithValue("$name", entry.Name);
        command.Parameters.AddWithValue("$seat", (object?)entry.Seat ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", UnixMs.From(entry.UpdatedAt));
        command.Parameters.AddWithValue("$actor", entry.By);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string ip, int? port, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM roster WHERE ip = $ip AND port = $port;";
        command.Parameters.AddWithValue("$ip", ip);
        command.Parameters.AddWithValue("$port", port ?? 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<RosterEntry>> ReadAllAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ip, port, name, seat, updated_at, actor FROM roster;";
        var entries = new List<RosterEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var port = reader.GetInt32(1);
            entries.Add(new RosterEntry(
                reader.GetString(0),
                port == 0 ? null : port,
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                UnixMs.To(reader.GetInt64(4)),
                reader.GetString(5)));
        }
        return entries;
    }
}
