using System.Collections.Immutable;
using System.Text.Json;
using ChatOps.Cluster.Redis;
using Microsoft.Extensions.Logging;

namespace ChatOps.Cluster.Control;

/// <summary>
/// The names given on every host of the cluster: Redis owns them (the hash <c>{prefix}:roster</c>, address or address
/// and port → <see cref="ClusterName"/>), every host mirrors them and answers from memory. The web host writes the names
/// its teacher gives here and looks names up here when its own roster has none.
/// </summary>
public sealed class ClusterRoster : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SharedHash _hash;
    private readonly string _hostId;
    private ImmutableDictionary<string, ClusterName> _names = ImmutableDictionary<string, ClusterName>.Empty;
    private long _version;

    public ClusterRoster(RedisLink link, ILogger logger)
    {
        _hostId = link.Options.HostId;
        _hash = new SharedHash(link, "roster", logger);
        _hash.Changed += OnChanged;
    }

    /// <summary>Completes once this host listens for the other hosts' names (or could not, Redis being down).</summary>
    public Task Listening => _hash.Listening;

    /// <summary>Moves at every change of the mirror.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Every name of the cluster, in no order.</summary>
    public IReadOnlyCollection<ClusterName> Names => [.. _names.Values];

    /// <summary>Raised after the mirror changed, on the thread that changed it.</summary>
    public event Action? Changed;

    /// <summary>The name for a client at <paramref name="ip"/> and <paramref name="port"/>: its port's, else its address's.</summary>
    public ClusterName? Find(string? ip, int? port)
    {
        if (string.IsNullOrEmpty(ip))
            return null;
        var names = _names;
        if (names.IsEmpty)
            return null;
        if (port is { } p && p > 0 && names.TryGetValue(ClusterName.FieldOf(ip, p), out var exact))
            return exact;
        return names.GetValueOrDefault(ip);
    }

    /// <summary>Gives a name on every host; false when Redis did not answer (given here, and there when it does).</summary>
    public Task<bool> SetAsync(string ip, int? port, string name, string? seat, string by)
    {
        var entry = new ClusterName(ip, port is > 0 ? port : null, name, seat, DateTimeOffset.UtcNow, by, _hostId);
        return _hash.SetAsync(entry.Field, JsonSerializer.Serialize(entry, Json));
    }

    /// <summary>Forgets a name on every host; false when Redis did not answer.</summary>
    public Task<bool> RemoveAsync(string ip, int? port) => _hash.SetAsync(ClusterName.FieldOf(ip, port), null);

    /// <summary>Reads the cluster's roster again (the control channel and Redis coming back do it on their own).</summary>
    public Task ReloadAsync() => _hash.ReloadAsync();

    private void OnChanged(ImmutableDictionary<string, string> before, ImmutableDictionary<string, string> now)
    {
        // The hash's latest fields, not the event's: changes raised on two threads in either order leave the latest.
        _names = _hash.Fields.Select(f => JsonSerializer.Deserialize<ClusterName>(f.Value, Json))
            .Where(n => n is not null).ToImmutableDictionary(n => n!.Field, n => n!);
        Interlocked.Increment(ref _version);
        Changed?.Invoke();
    }

    public void Dispose()
    {
        _hash.Changed -= OnChanged;
        _hash.Dispose();
    }
}
