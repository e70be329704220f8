using System.Text.Json;
using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Engine;
using StackExchange.Redis;

namespace ChatOps.Cluster.Presence;

/// <summary>
/// This host's heartbeat and every host's: every <see cref="Options.ClusterOptions.HeartbeatInterval"/> the host writes
/// its summary (rooms and connections) under <c>{prefix}:host:{id}</c>, expiring after
/// <see cref="Options.ClusterOptions.HostExpiry"/>, and adds its id to <c>{prefix}:hosts</c>. A host killed with
/// <c>kill -9</c> writes no more: its key expires and the others show it gone, without its connections.
/// </summary>
public sealed class ClusterPresence : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ChatServer _server;
    private readonly RedisLink _link;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    public ClusterPresence(ChatServer server, RedisLink link, TimeProvider? time = null)
    {
        _server = server;
        _link = link;
        _time = time ?? TimeProvider.System;
        _beating = BeatAsync(_stop.Token);
    }

    private RedisKey HostsKey => $"{_link.Options.KeyPrefix}:hosts";

    private RedisKey HostKey(string id) => $"{_link.Options.KeyPrefix}:host:{id}";

    /// <summary>Every host that has written a heartbeat, with its last summary, or none when it expired; ordered by id.</summary>
    /// <exception cref="RedisException">Redis is down or hung (the link is marked down).</exception>
    public async Task<IReadOnlyList<ClusterHostState>> HostsAsync()
    {
        var ids = (await _link.RunAsync(db => db.SetMembersAsync(HostsKey), "SMEMBERS").ConfigureAwait(false))
            .Select(v => v.ToString()).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
            return [];
        var values = await _link.RunAsync(db => db.StringGetAsync([.. ids.Select(HostKey)]), "MGET").ConfigureAwait(false);
        return [.. ids.Select((id, i) => new ClusterHostState(id, values[i].IsNull ? null : JsonSerializer.Deserialize<HostSummary>((string)values[i]!, Json)))];
    }

    /// <summary>What this host writes in its heartbeat now.</summary>
    public HostSummary Summary()
    {
        var rooms = _server.Rooms.Select(r => new HostRoom(r.Name, r.Mode.ToString().ToLowerInvariant(), r.IsRunning, r.LocalEndPoint?.Port)).ToList();
        var connections = _server.Rooms
            .SelectMany(r => r.GetSessions().Select(s => new HostConnection(r.Name, s.Id, s.Ip, s.Port, s.ConnectedAt, s.LinesIn, s.LinesOut)))
            .ToList();
        return new HostSummary(_link.Options.HostId, _time.GetUtcNow(), rooms, connections);
    }

    private async Task BeatAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_link.Options.HeartbeatInterval, _time);
        do
        {
            if (!_link.IsUp)
                continue;
            try
            {
                var json = JsonSerializer.Serialize(Summary(), Json);
                await _link.RunAsync(async db =>
                {
                    var batch = db.CreateBatch();
                    var set = batch.StringSetAsync(HostKey(_link.Options.HostId), json, _link.Options.HostExpiry);
                    var add = batch.SetAddAsync(HostsKey, _link.Options.HostId);
                    batch.Execute();
                    await Task.WhenAll(set, add).ConfigureAwait(false);
                    return true;
                }, "heartbeat").ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Marked down; the next beat after Redis answers writes again.
            }
        }
        while (await Ticks.NextAsync(timer, stop).ConfigureAwait(false));
    }


    /// <summary>Stops the heartbeat and removes this host's key: a host that stops cleanly leaves the view at once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _beating.ConfigureAwait(false);
        if (_link.IsUp)
        {
            try
            {
                await _link.RunAsync(db => db.KeyDeleteAsync(HostKey(_link.Options.HostId)), "DEL").ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // It expires on its own.
            }
        }
        _stop.Dispose();
    }
}
