using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.History.Queries;
using ChatOps.History.Roster;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Export;

/// <summary>
/// A lab session's transcript as CSV or JSON, streamed from the database line by line. Text stays data: CSV fields are
/// quoted and formula-proofed, JSON strings escape &lt; &gt; &amp; and quotes, and neither format carries markup. Each
/// line of a client carries its name from the roster (empty when the roster has none).
/// </summary>
public sealed class TranscriptExport
{
    private static readonly string[] Header = ["id", "at", "kind", "client", "ip", "port", "name", "text", "actor", "detail", "recipients"];
    private readonly HistoryDatabase _database;
    private readonly ClassRoster _roster;

    internal TranscriptExport(HistoryDatabase database, ClassRoster roster)
    {
        _database = database;
        _roster = roster;
    }

    /// <summary>A file name for the download, e.g. <c>chatops-session-12-ex3-20261124-0830.csv</c> (the room's name is safe in a file name: <c>RoomNames</c>).</summary>
    public static string FileName(LabSessionSummary session, string extension)
    {
        ArgumentNullException.ThrowIfNull(session);
        return string.Create(CultureInfo.InvariantCulture, $"chatops-session-{session.Id}-{session.Room}-{session.StartedAt.UtcDateTime:yyyyMMdd-HHmm}.{extension}");
    }

    /// <summary>Writes the transcript; false (and nothing written) when there is no such lab session.</summary>
    public async Task<bool> WriteCsvAsync(long labSessionId, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        if (await HistoryQueries.GetSessionAsync(connection, labSessionId, cancellationToken) is null)
            return false;
        // A BOM, so that a spreadsheet opens accented text as UTF-8; CRLF, as RFC 4180 says.
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', Header));
        await foreach (var line in ReadLinesAsync(connection, labSessionId, cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',',
                line.Id.ToString(CultureInfo.InvariantCulture),
                line.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                line.Kind.ToString(),
                CsvCell.Escape(line.ClientId?.ToString(CultureInfo.InvariantCulture)),
                CsvCell.Escape(line.Ip),
                line.Port?.ToString(CultureInfo.InvariantCulture),
                CsvCell.Escape(NameOf(line)),
                CsvCell.Escape(line.Text),
                CsvCell.Escape(line.Actor),
                CsvCell.Escape(line.Detail),
                line.Recipients?.ToString(CultureInfo.InvariantCulture)));
        }
        return true;
    }

    /// <summary>Writes <c>{ "labSession": {...}, "lines": [...] }</c>; false (and nothing written) when there is no such lab session.</summary>
    public async Task<bool> WriteJsonAsync(long labSessionId, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        if (await HistoryQueries.GetSessionAsync(connection, labSessionId, cancellationToken) is not { } session)
            return false;
        // The default encoder escapes < > & ' as \u003C...: the file stays inert even if someone pastes it into a page.
        await using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default });
        json.WriteStartObject();
        json.WritePropertyName("labSession");
        TranscriptJson.WriteSession(json, session);
        json.WriteStartArray("lines");
        var count = 0;
        await foreach (var line in ReadLinesAsync(connection, labSessionId, cancellationToken))
        {
            TranscriptJson.WriteLine(json, line, NameOf(line));
            if (++count % 256 == 0)
                await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return true;
    }

    // The roster's name now: a name typed after the lab still names the student's earlier lines.
    private string? NameOf(HistoryLine line) => _roster.Find(line.Ip, line.Port)?.Name;

    private static async IAsyncEnumerable<HistoryLine> ReadLinesAsync(SqliteConnection connection, long labSessionId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {LineReader.Columns} FROM lines WHERE lab_session_id = $id ORDER BY id;";
        command.Parameters.AddWithValue("$id", labSessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return LineReader.Read(reader);
    }
}
