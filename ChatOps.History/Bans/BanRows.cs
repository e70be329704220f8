using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Bans;

internal static class BanRows
{
    public static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, Ban ban, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO bans (ip, created_at, expires_at, actor, reason) VALUES ($ip, $created, $expires, $actor, $reason)
            ON CONFLICT (ip) DO UPDATE SET created_at = excluded.created_at, expires_at = excluded.expires_at,
                actor = excluded.actor, reason = excluded.reason;
            """;
        command.Parameters.AddWithValue("$ip", ban.Ip);
        command.Parameters.AddWithValue("$created", UnixMs.From(ban.CreatedAt));
        command.Parameters.AddWithValue("$expires", UnixMs.From(ban.ExpiresAt));
        command.Parameters.AddWithValue("$actor", ban.By);
        command.Parameters.AddWithValue("$reason", (object?)ban.Reason ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string ip, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM bans WHERE ip = $ip;";
        command.Parameters.AddWithValue("$ip", ip);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<Ban>> ReadActiveAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ip, created_at, expires_at, actor, reason FROM bans WHERE expires_at IS NULL OR expires_at > $now;";
        command.Parameters.AddWithValue("$now", UnixMs.From(now));
        var bans = new List<Ban>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bans.Add(new Ban(
                reader.GetString(0),
                UnixMs.To(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : UnixMs.To(reader.GetInt64(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return bans;
    }
}
