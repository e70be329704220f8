using ChatOps.History.Options;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatOps.History.Queries;

/// <summary>The History page's reads, paged in the database so a term of lines never travels to the browser at once.</summary>
public sealed class HistoryQueries
{
    private const string SessionColumns = """
        s.id, s.started_at, s.mode, s.endpoints, s.stopped_at, s.stop_reason, s.stopped_by,
        (SELECT COUNT(*) FROM lines l WHERE l.lab_session_id = s.id), s.room
        """;

    private readonly HistoryDatabase _database;
    private readonly HistoryOptions _options;

    internal HistoryQueries(HistoryDatabase database, IOptions<HistoryOptions> options)
    {
        _database = database;
        _options = options.Value;
    }

    /// <summary>Lab sessions, newest first.</summary>
    public async Task<Page<LabSessionSummary>> ListSessionsAsync(int pageIndex = 0, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var (index, size) = Paging.Clamp(pageIndex, pageSize, _options.MaxPageSize);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SessionColumns} FROM lab_sessions s ORDER BY s.id DESC LIMIT $size OFFSET $offset;
            SELECT COUNT(*) FROM lab_sessions;
            """;
        command.Parameters.AddWithValue("$size", size);
        command.Parameters.AddWithValue("$offset", (long)index * size);
        return await ReadPageAsync(command, ReadSession, index, size, cancellationToken);
    }

    public async Task<LabSessionSummary?> GetSessionAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await GetSessionAsync(connection, id, cancellationToken);
    }

    /// <summary>Lines matching <paramref name="query"/>, oldest first.</summary>
    public async Task<Page<HistoryLine>> GetLinesAsync(LineQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (index, size) = Paging.Clamp(query.PageIndex, query.PageSize, _options.MaxPageSize);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = LineFilter.Apply(command, query);
        command.CommandText = $"""
            SELECT {LineReader.Columns} FROM lines {where} ORDER BY id LIMIT $size OFFSET $offset;
            SELECT COUNT(*) FROM lines {where};
            """;
        command.Parameters.AddWithValue("$size", size);
        command.Parameters.AddWithValue("$offset", (long)index * size);
        return await ReadPageAsync(command, LineReader.Read, index, size, cancellationToken);
    }

    internal static async Task<LabSessionSummary?> GetSessionAsync(SqliteConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SessionColumns} FROM lab_sessions s WHERE s.id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadSession(reader) : null;
    }

    private static async Task<Page<T>> ReadPageAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, int index, int size, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            items.Add(read(reader));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Page<T>(items, reader.GetInt64(0), index, size);
    }

    private static LabSessionSummary ReadSession(SqliteDataReader r) => new(
        r.GetInt64(0),
        UnixMs.To(r.GetInt64(1)),
        r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : UnixMs.To(r.GetInt64(4)),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetInt64(7),
        r.GetString(8));
}
