using System.Collections.Immutable;
using ChatOps.History.Audit;
using ChatOps.History.Internal;
using ChatOps.History.Options;
using ChatOps.History.Status;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.History.Roster;

/// <summary>
/// Who sits where: students' names (and seats) by address, or by address and port, kept in the database so they survive
/// a restart, and answered from memory (the relay asks when <c>Chat:RelayPrefix</c> shows names, the dashboard at every
/// render). A port-specific entry wins over the address's: behind NAT or on a shared machine one address is several
/// students. Every change is in the audit log with who made it and from where.
/// </summary>
public sealed class ClassRoster
{
    private readonly HistoryDatabase _database;
    private readonly HistoryStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private ImmutableDictionary<(string Ip, int Port), RosterEntry> _entries = ImmutableDictionary<(string, int), RosterEntry>.Empty;
    private long _version;

    internal ClassRoster(HistoryDatabase database, HistoryStatus status, IOptions<HistoryOptions> options, TimeProvider time, ILogger<ClassRoster> logger)
    {
        _database = database;
        _status = status;
        _time = time;
        _logger = logger;
        MaxNameLength = options.Value.MaxNameLength;
    }

    /// <summary>Longest name or seat (<c>Data:MaxNameLength</c>).</summary>
    public int MaxNameLength { get; }

    /// <summary>Moves at every change (the relay re-encodes a sender's prefix only then).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Every entry, by address then port (the address's own entry first).</summary>
    public IReadOnlyList<RosterEntry> Entries =>
        [.. _entries.Values.OrderBy(e => e.Ip, StringComparer.Ordinal).ThenBy(e => e.Port ?? 0)];

    /// <summary>Raised after every change, on the thread that made it.</summary>
    public event Action? Changed;

    /// <summary>The entry for a client at <paramref name="ip"/> and <paramref name="port"/>: its port's, else its address's.</summary>
    public RosterEntry? Find(string? ip, int? port)
    {
        if (string.IsNullOrEmpty(ip))
            return null;
        var entries = _entries;
        if (entries.IsEmpty)
            return Shared?.Invoke(ip, port);
        if (port is { } p && p > 0 && entries.TryGetValue((ip, p), out var exact))
            return exact;
        return entries.GetValueOrDefault((ip, 0)) ?? Shared?.Invoke(ip, port);
    }

    /// <summary>
    /// Names this host's roster does not have but another host of a cluster gave (the web host sets it when
    /// <c>Cluster:Redis</c> is set); <see cref="Find"/> asks it last. Answer from memory.
    /// </summary>
    public Func<string, int?, RosterEntry?>? Shared { get; set; }

    /// <summary>Says that <see cref="Shared"/> answers differently now: the relay and the dashboard look names up again.</summary>
    public void SharedChanged() => Bump();

    /// <summary>The exact entry for an address (port null) or one of its ports; no fallback.</summary>
    public RosterEntry? Exact(string ip, int? port) => _entries.GetValueOrDefault((ip, port ?? 0));

    /// <summary>Why <paramref name="row"/> cannot be recorded, or null; <paramref name="clean"/> is it trimmed and with the address as shown.</summary>
    public RosterProblem? Check(RosterRow row, out RosterRow clean)
    {
        ArgumentNullException.ThrowIfNull(row);
        clean = row;
        if (!RosterText.TryParseAddress(row.Ip, out var ip, out var parsedPort) || (row.Port is { } given && (given is < 1 or > 65535 || parsedPort is not null)))
            return RosterProblem.BadAddress;
        if (RosterText.Check(row.Name, MaxNameLength, out var name) is { } problem)
            return problem;
        string? seat = null;
        if (!string.IsNullOrWhiteSpace(row.Seat))
        {
            if (RosterText.Check(row.Seat, MaxNameLength, out var cleanSeat) is { } seatProblem and not RosterProblem.LooksLikeAddress)
                return seatProblem;
            seat = cleanSeat;
        }
        clean = new RosterRow(ip, row.Port ?? parsedPort, name, seat);
        return null;
    }

    /// <summary>
    /// Records a name (replacing the one of the same address and port), effective at once; the result says whether it was
    /// also saved (false: the database failed, which the status and the log show).
    /// </summary>
    /// <exception cref="ArgumentException">The row does not pass <see cref="Check"/>.</exception>
    public Task<bool> SetAsync(RosterRow row, string by, string? byIp = null, CancellationToken cancellationToken = default) =>
        ImportAsync([row], by, byIp, source: null, cancellationToken);

    /// <summary>
    /// Records every row (each checked as <see cref="SetAsync"/> does) in one transaction, with one audit entry naming
    /// <paramref name="source"/> (a file name) when there are several.
    /// </summary>
    public async Task<bool> ImportAsync(IReadOnlyList<RosterRow> rows, string by, string? byIp = null, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var now = _time.GetUtcNow();
        var entries = new List<RosterEntry>(rows.Count);
        foreach (var row in rows)
        {
            if (Check(row, out var clean) is { } problem)
                throw new ArgumentException($"Cannot record '{row.Name}' for {row.Ip}: {problem}.", nameof(rows));
            entries.Add(new RosterEntry(clean.Ip, clean.Port, clean.Name, clean.Seat, now, by));
        }
        if (entries.Count == 0)
            return true;
        ImmutableInterlocked.Update(ref _entries, static (map, list) => map.SetItems(list.Select(e => KeyValuePair.Create(Key(e), e))), entries);
        var audit = entries.Count == 1 && source is null
            ? new AuditEntry(now, AuditAction.Roster, by, byIp, entries[0].Where, Describe(entries[0]))
            : new AuditEntry(now, AuditAction.Roster, by, byIp, source ?? "roster", $"{entries.Count} name(s) imported");
        return await SaveAsync(audit, async (c, t) =>
        {
            foreach (var entry in entries)
                await RosterRows.UpsertAsync(c, t, entry, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Forgets the name of an address (port null) or of one of its ports; false when there was none (or the database failed).</summary>
    public async Task<bool> RemoveAsync(string ip, int? port, string by, string? byIp = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!ImmutableInterlocked.TryRemove(ref _entries, (ip, port ?? 0), out var removed))
            return false;
        var audit = new AuditEntry(_time.GetUtcNow(), AuditAction.Roster, by, byIp, removed.Where, $"name removed (was {removed.Name})");
        return await SaveAsync(audit, (c, t) => RosterRows.DeleteAsync(c, t, removed.Ip, removed.Port, cancellationToken), cancellationToken);
    }

    /// <summary>Reads the saved roster; a failure is reported and leaves it empty, so the engine still starts.</summary>
    internal async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            var loaded = await RosterRows.ReadAllAsync(connection, cancellationToken);
            _entries = loaded.ToImmutableDictionary(Key, e => e);
            Bump();
        }
        catch (Exception ex) when (StorageFaults.IsStorage(ex))
        {
            var error = _status.ReportStorageFault(ex, _time.GetUtcNow());
            HistoryLog.RosterLoadFailed(_logger, _database.FilePath, error, ex);
        }
    }

    private static (string, int) Key(RosterEntry e) => (e.Ip, e.Port ?? 0);

    private void Bump()
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke();
    }

    private Task<bool> SaveAsync(AuditEntry audit, Func<SqliteConnection, SqliteTransaction, Task> change, CancellationToken cancellationToken)
    {
        // In force at once, saved or not: the teacher sees the name and the relay uses it even while the disk fails.
        Bump();
        return AuditedChange.SaveAsync(_database, _status, _time, _logger, audit, change, cancellationToken);
    }

    private static string Describe(RosterEntry e) => e.Seat is { } seat ? $"{e.Name} (seat {seat})" : e.Name;
}
