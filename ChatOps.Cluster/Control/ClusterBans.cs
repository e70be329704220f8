using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatOps.Cluster.Control;

/// <summary>
/// The cluster's bans: Redis owns them (the hash <c>{prefix}:bans</c>, address → <see cref="ClusterBan"/>), every host
/// mirrors them and refuses a banned address at its door (<see cref="IConnectionAdmission"/>, answered from memory).
/// <see cref="Banned"/> tells this host's <see cref="BannedConnections"/> to close what that address holds open here.
/// </summary>
/// <remarks>
/// A ban (or an unban) made while Redis does not answer holds at once on this host, and reaches the others when Redis
/// answers again: it is written before this host reads the hash again.
/// </remarks>
public sealed class ClusterBans : IConnectionAdmission, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SharedHash _hash;
    private readonly TimeProvider _time;
    private readonly string _hostId;
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ClusterBan> _bans = ImmutableDictionary<string, ClusterBan>.Empty;

    public ClusterBans(RedisLink link, ILogger logger, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _hostId = link.Options.HostId;
        _hash = new SharedHash(link, "bans", logger);
        _hash.Changed += OnChanged;
    }

    /// <summary>Completes once this host listens for the other hosts' bans (or could not, Redis being down).</summary>
    public Task Listening => _hash.Listening;

    /// <summary>The bans in force now, oldest first.</summary>
    public IReadOnlyList<ClusterBan> Active
    {
        get
        {
            var now = _time.GetUtcNow();
            return [.. _bans.Values.Where(b => b.IsActiveAt(now)).OrderBy(b => b.At)];
        }
    }

    /// <summary>Raised when an address becomes banned on this host (here or on another host), on the thread that learnt it.</summary>
    public event Action<ClusterBan>? Banned;

    /// <summary>Raised when a ban is lifted (here or on another host), with the address, on the thread that learnt it.</summary>
    public event Action<string>? Lifted;

    /// <summary>The ban in force on <paramref name="ip"/>, or null.</summary>
    public ClusterBan? Find(string ip) =>
        _bans.TryGetValue(ip, out var ban) && ban.IsActiveAt(_time.GetUtcNow()) ? ban : null;

    public string? Refuse(IPAddress address, Notices notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        return _bans.IsEmpty || Find(IpText.Format(address)) is not { } ban ? null : notices.Banned(ban.Ip, ban.ExpiresAt);
    }

    /// <summary>
    /// Bans <paramref name="ip"/> on every host until <paramref name="expiresAt"/> (null: until lifted); in force here at
    /// once. False when Redis did not answer: the others get it when it does.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not an IP address.</exception>
    public Task<bool> BanAsync(string ip, DateTimeOffset? expiresAt, string by, string? reason = null)
    {
        var ban = new ClusterBan(Normalize(ip), _time.GetUtcNow(), expiresAt, by, _hostId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        return _hash.SetAsync(ban.Ip, JsonSerializer.Serialize(ban, Json));
    }

    /// <summary>Lifts the ban on <paramref name="ip"/> on every host; false when Redis did not answer (lifted here, and there when it does).</summary>
    public Task<bool> UnbanAsync(string ip) => _hash.SetAsync(Normalize(ip), null);

    /// <summary>Reads the cluster's bans again (the control channel and Redis coming back do it on their own).</summary>
    public Task ReloadAsync() => _hash.ReloadAsync();

    // Built from the hash's latest fields, not the ones the event carries: two changes raised on two threads in either
    // order leave the latest mirror.
    private void OnChanged(ImmutableDictionary<string, string> before, ImmutableDictionary<string, string> now)
    {
        ImmutableDictionary<string, ClusterBan> was, bans;
        lock (_gate)
        {
            was = _bans;
            bans = _hash.Fields.Select(f => JsonSerializer.Deserialize<ClusterBan>(f.Value, Json))
                .Where(b => b is not null).ToImmutableDictionary(b => b!.Ip, b => b!);
            _bans = bans;
        }
        var at = _time.GetUtcNow();
        foreach (var ban in bans.Values.Where(b => (!was.TryGetValue(b.Ip, out var old) || old != b) && b.IsActiveAt(at)))
            Banned?.Invoke(ban);
        foreach (var ip in was.Keys.Where(ip => !bans.ContainsKey(ip)))
            Lifted?.Invoke(ip);
    }

    private static string Normalize(string ip) =>
        IPAddress.TryParse(ip?.Trim(), out var address)
            ? IpText.Format(address)
            : throw new ArgumentException($"Not an IP address: '{ip}'.", nameof(ip));

    public void Dispose()
    {
        _hash.Changed -= OnChanged;
        _hash.Dispose();
    }
}
