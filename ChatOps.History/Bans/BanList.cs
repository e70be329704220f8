using System.Collections.Immutable;
using System.Net;
using ChatOps.History.Audit;
using ChatOps.History.Internal;
using ChatOps.History.Status;
using ChatOps.History.Storage;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChatOps.History.Bans;

/// <summary>
/// Banned IPs: kept in the database so they survive a restart, and answered from memory at the door (the engine asks
/// for every connection through <see cref="IConnectionAdmission"/>). A ban refuses new connections only: the web host
/// kicks the sessions already open from that IP.
/// </summary>
public sealed class BanList : IConnectionAdmission
{
    private readonly HistoryDatabase _database;
    private readonly HistoryStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private ImmutableDictionary<IPAddress, Ban> _bans = ImmutableDictionary<IPAddress, Ban>.Empty;

    internal BanList(HistoryDatabase database, HistoryStatus status, TimeProvider time, ILogger<BanList> logger)
    {
        _database = database;
        _status = status;
        _time = time;
        _logger = logger;
    }

    /// <summary>The bans in force now, oldest first.</summary>
    public IReadOnlyList<Ban> Active
    {
        get
        {
            var now = _time.GetUtcNow();
            return _bans.Values.Where(b => b.IsActiveAt(now)).OrderBy(b => b.CreatedAt).ToList();
        }
    }

    public bool IsBanned(IPAddress address) => Find(address) is not null;

    /// <summary>False for text that is not an IP address.</summary>
    public bool IsBanned(string ip) => IPAddress.TryParse(ip, out var address) && IsBanned(address);

    public string? Refuse(IPAddress address, Notices notices) => Find(address) is { } ban ? notices.Banned(ban.Ip, ban.ExpiresAt) : null;

    /// <summary>
    /// Bans <paramref name="ip"/> from now on, for <paramref name="duration"/> or until lifted, and records it in the audit
    /// log. The ban holds at once; the result says whether it was also saved (false: the database failed, which the
    /// status and the log show, and the ban lasts until the program stops).
    /// </summary>
    /// <exception cref="ArgumentException">The text is not an IP address, or the duration is not positive.</exception>
    public async Task<bool> BanAsync(string ip, TimeSpan? duration, string by, string? reason = null, string? byIp = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var address = Parse(ip);
        if (duration <= TimeSpan.Zero)
            throw new ArgumentException($"A ban lasts a positive time (got {duration}).", nameof(duration));
        var now = _time.GetUtcNow();
        var ban = new Ban(IpText.Format(address), now, now + duration, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        ImmutableInterlocked.AddOrUpdate(ref _bans, address, ban, (_, _) => ban);
        var audit = new AuditEntry(now, AuditAction.Ban, by, byIp, ban.Ip, Describe(ban));
        return await SaveAsync(audit, (c, t) => BanRows.UpsertAsync(c, t, ban, cancellationToken), cancellationToken);
    }

    /// <summary>Lifts the ban on <paramref name="ip"/>; false when it was not banned (or the database failed).</summary>
    public async Task<bool> UnbanAsync(string ip, string by, string? byIp = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var address = Parse(ip);
        if (!ImmutableInterlocked.TryRemove(ref _bans, address, out var ban))
            return false;
        var audit = new AuditEntry(_time.GetUtcNow(), AuditAction.Unban, by, byIp, ban.Ip);
        return await SaveAsync(audit, (c, t) => BanRows.DeleteAsync(c, t, ban.Ip, cancellationToken), cancellationToken);
    }

    /// <summary>Reads the saved bans; a failure is reported and leaves the list empty, so the engine still starts.</summary>
    internal async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            var loaded = await BanRows.ReadActiveAsync(connection, _time.GetUtcNow(), cancellationToken);
            _bans = loaded.ToImmutableDictionary(b => IPAddress.Parse(b.Ip), b => b);
        }
        catch (Exception ex) when (StorageFaults.IsStorage(ex))
        {
            var error = _status.ReportStorageFault(ex, _time.GetUtcNow());
            HistoryLog.BansLoadFailed(_logger, _database.FilePath, error, ex);
        }
    }

    private Ban? Find(IPAddress address)
    {
        var bans = _bans;
        if (bans.IsEmpty || !bans.TryGetValue(IpText.Normalize(address), out var ban))
            return null;
        return ban.IsActiveAt(_time.GetUtcNow()) ? ban : null;
    }

    private Task<bool> SaveAsync(AuditEntry audit, Func<SqliteConnection, SqliteTransaction, Task> change, CancellationToken cancellationToken)
    {
        return AuditedChange.SaveAsync(_database, _status, _time, _logger, audit, change, cancellationToken);
    }

    private static IPAddress Parse(string ip) =>
        IPAddress.TryParse(ip?.Trim(), out var address)
            ? IpText.Normalize(address)
            : throw new ArgumentException($"Not an IP address: '{ip}'.", nameof(ip));

    private static string Describe(Ban ban) =>
        (ban.ExpiresAt is { } end ? $"until {end:u}" : "until lifted") + (ban.Reason is { } r ? $": {r}" : "");
}
