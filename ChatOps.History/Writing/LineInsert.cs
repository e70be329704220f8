using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Writing;

/// <summary>One INSERT prepared once per batch and run for every line of it.</summary>
internal sealed class LineInsert : IAsyncDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _session, _at, _kind, _client, _ip, _port, _text, _folded, _actor, _detail, _recipients;

    public LineInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = """
            INSERT INTO lines (lab_session_id, at, kind, client_id, ip, port, text, text_folded, actor, detail, recipients)
            VALUES ($session, $at, $kind, $client, $ip, $port, $text, $folded, $actor, $detail, $recipients);
            """;
        _session = _command.Parameters.Add("$session", SqliteType.Integer);
        _at = _command.Parameters.Add("$at", SqliteType.Integer);
        _kind = _command.Parameters.Add("$kind", SqliteType.Text);
        _client = _command.Parameters.Add("$client", SqliteType.Integer);
        _ip = _command.Parameters.Add("$ip", SqliteType.Text);
        _port = _command.Parameters.Add("$port", SqliteType.Integer);
        _text = _command.Parameters.Add("$text", SqliteType.Text);
        _folded = _command.Parameters.Add("$folded", SqliteType.Text);
        _actor = _command.Parameters.Add("$actor", SqliteType.Text);
        _detail = _command.Parameters.Add("$detail", SqliteType.Text);
        _recipients = _command.Parameters.Add("$recipients", SqliteType.Integer);
    }

    // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway, and their Task per row
    // costs more than the insert itself in a batch of thousands. The writer runs on its own task, off the engine's path.
    public void Run(long labSessionId, LineRow row)
    {
        _session.Value = labSessionId;
        _at.Value = UnixMs.From(row.At);
        _kind.Value = row.Kind.ToString();
        _client.Value = (object?)row.ClientId ?? DBNull.Value;
        _ip.Value = (object?)row.Ip ?? DBNull.Value;
        _port.Value = (object?)row.Port ?? DBNull.Value;
        _text.Value = row.Text;
        _folded.Value = TextFold.Fold(row.Text);
        _actor.Value = (object?)row.Actor ?? DBNull.Value;
        _detail.Value = (object?)row.Detail ?? DBNull.Value;
        _recipients.Value = (object?)row.Recipients ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
