using ChatOps.History.Internal;
using ChatOps.History.Options;
using ChatOps.History.Queries;
using ChatOps.History.Status;
using ChatOps.History.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.History.Audit;

/// <summary>
/// Who did what with the admin powers. The web host records sign-ins, sign-outs and kicks here; bans are recorded by
/// <see cref="Bans.BanList"/>, mode switches and stops (arret included) by the history writer from the engine's events.
/// </summary>
public sealed class AuditLog
{
    private readonly HistoryDatabase _database;
    private readonly HistoryStatus _status;
    private readonly HistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal AuditLog(HistoryDatabase database, HistoryStatus status, IOptions<HistoryOptions> options, TimeProvider time, ILogger<AuditLog> logger)
    {
        _database = database;
        _status = status;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Writes the entry at once. Returns false (and reports the fault on the status and in the log) when the database
    /// cannot be written: an admin action never fails because its record could not be kept.
    /// </summary>
    public async Task<bool> RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Actor);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await AuditRows.InsertAsync(connection, null, entry, cancellationToken);
            return true;
        }
        catch (Exception ex) when (StorageFaults.IsStorage(ex))
        {
            var error = _status.ReportStorageFault(ex, _time.GetUtcNow());
            HistoryLog.SaveFailed(_logger, _database.FilePath, error, ex);
            return false;
        }
    }

    /// <summary>Newest first.</summary>
    public Task<Page<AuditRecord>> ListAsync(int pageIndex = 0, int pageSize = 100, CancellationToken cancellationToken = default) =>
        ListAsync(new AuditQuery(PageIndex: pageIndex, PageSize: pageSize), cancellationToken);

    /// <summary>Newest first, within the query's time range.</summary>
    public async Task<Page<AuditRecord>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (index, size) = Paging.Clamp(query.PageIndex, query.PageSize, _options.MaxPageSize);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = "WHERE ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to)";
        command.CommandText = $"""
            SELECT id, at, action, actor, actor_ip, target, detail FROM audit {where} ORDER BY id DESC LIMIT $size OFFSET $offset;
            SELECT COUNT(*) FROM audit {where};
            """;
        command.Parameters.AddWithValue("$from", UnixMs.From(query.From));
        command.Parameters.AddWithValue("$to", UnixMs.From(query.To));
        command.Parameters.AddWithValue("$size", size);
        command.Parameters.AddWithValue("$offset", (long)index * size);
        var items = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new AuditRecord(reader.GetInt64(0), new AuditEntry(
                UnixMs.To(reader.GetInt64(1)),
                Enum.Parse<AuditAction>(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6))));
        }
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Page<AuditRecord>(items, reader.GetInt64(0), index, size);
    }
}
