using ChatOps.History.Storage;
using ChatOps.History.Writing;
using ChatOps.TcpEngine.Events;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Audit;

internal static class AuditRows
{
    /// <summary>The engine events that are also administrative acts; the rest of the audit comes from the web host.</summary>
    public static AuditEntry? From(ChatEvent chatEvent) => chatEvent switch
    {
        ModeChanged e => new AuditEntry(e.At, AuditAction.ModeSwitch, e.By, IpOrNull(e.By), EventRows.Lower(e.To), $"from {EventRows.Lower(e.From)}"),
        EngineStopped { Reason: StopReason.Arret } e => new AuditEntry(e.At, AuditAction.Arret, e.By, IpOrNull(e.By)),
        EngineStopped { Reason: StopReason.Stopped } e => new AuditEntry(e.At, AuditAction.Stop, e.By, IpOrNull(e.By)),
        _ => null,
    };

    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit (at, action, actor, actor_ip, target, detail)
            VALUES ($at, $action, $actor, $actorIp, $target, $detail);
            """;
        command.Parameters.AddWithValue("$at", UnixMs.From(entry.At));
        command.Parameters.AddWithValue("$action", entry.Action.ToString());
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$actorIp", (object?)entry.ActorIp ?? DBNull.Value);
        command.Parameters.AddWithValue("$target", (object?)entry.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A client's arret names the client by its IP: that is also where it came from.
    private static string? IpOrNull(string by) => System.Net.IPAddress.TryParse(by, out _) ? by : null;
}
