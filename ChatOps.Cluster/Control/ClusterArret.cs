using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatOps.Cluster.Control;

/// <summary>
/// <c>arret</c> across the cluster: when a room of this host stops by arret (a client's or the teacher's), every host
/// stops the same room, and each records its acknowledgement, so that the dashboard can show which hosts have stopped.
/// </summary>
/// <remarks>
/// The arret is a durable key per room (<c>{prefix}:room:{name}:arret</c>, the arret's id, with its time) plus a wake-up
/// on the control channel. A host that was cut from Redis reads the key again when Redis answers and stops the room if the
/// arret came after the room started; the acknowledgements are a hash per arret (<c>{prefix}:arret:{id}</c>: host id →
/// Unix milliseconds), kept a day.
/// </remarks>
public sealed class ClusterArret : IAsyncDisposable
{
    /// <summary>The <c>by</c> of an arret that came from another host: <c>cluster:host-a</c>.</summary>
    public const string ByPrefix = "cluster:";

    private static readonly TimeSpan AcknowledgementsKept = TimeSpan.FromDays(1);
    private readonly ChatServer _server;
    private readonly RedisLink _link;
    private readonly ILogger _logger;
    private readonly RedisChannel _control;
    private readonly EventSubscription _events;
    private readonly Task _watching;
    private readonly HashSet<string> _seen = [];
    private readonly Lock _gate = new();

    public ClusterArret(ChatServer server, RedisLink link, ILogger logger)
    {
        _server = server;
        _link = link;
        _logger = logger;
        _control = RedisChannel.Literal($"{link.Options.KeyPrefix}:control:arret");
        _events = server.Events.Subscribe(wants: e => e is EngineStopped { Reason: StopReason.Arret });
        _watching = WatchAsync();
        link.StateChanged += OnRedisState;
        Listening = SubscribeAsync();
    }

    /// <summary>Completes once this host listens for the other hosts' arrets (or could not, Redis being down).</summary>
    public Task Listening { get; }

    /// <summary>Raised when this host has recorded that its room stopped for an arret (the arret's id), local or remote.</summary>
    public event Action<ArretId>? Acknowledged;

    /// <summary>The hosts that acknowledged arret <paramref name="arretId"/>, with when (UTC).</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> AcknowledgementsAsync(string arretId)
    {
        var entries = await _link.RunAsync(db => db.HashGetAllAsync(AckKey(arretId)), "HGETALL").ConfigureAwait(false);
        return entries.ToDictionary(e => e.Name.ToString(), e => DateTimeOffset.FromUnixTimeMilliseconds((long)e.Value));
    }

    /// <summary>The id of the last arret of <paramref name="room"/> in the cluster, or null.</summary>
    public async Task<string?> LastArretAsync(string room)
    {
        var value = await _link.RunAsync(db => db.StringGetAsync(RoomKey(room)), "GET").ConfigureAwait(false);
        return value.IsNull ? null : value.ToString();
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _link.Connection.GetSubscriber().SubscribeAsync(_control, (channel, message) => _ = OnArretAsync(message.ToString())).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Redis is not there yet: OnRedisState reads the rooms' arret keys when it answers.
            _link.ReportFailure("SUBSCRIBE control");
        }
    }

    // Local arrets: tell the cluster. Arrets that came from the cluster are acknowledged where they are applied.
    private async Task WatchAsync()
    {
        await foreach (var e in _events.ReadAllAsync().ConfigureAwait(false))
        {
            var stopped = (EngineStopped)e;
            if (stopped.By.StartsWith(ByPrefix, StringComparison.Ordinal))
                continue;
            var id = ArretId.Of(stopped.At, _link.Options.HostId, e.Room).ToString();
            lock (_gate)
                _seen.Add(id);
            try
            {
                await _link.RunAsync(async db =>
                {
                    await db.StringSetAsync(RoomKey(e.Room), id).ConfigureAwait(false);
                    await AcknowledgeAsync(db, id).ConfigureAwait(false);
                    return await db.PublishAsync(_control, id).ConfigureAwait(false);
                }, "arret").ConfigureAwait(false);
                Acknowledged?.Invoke(ArretId.Parse(id)!);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Redis is down: the arret stays local; the other hosts see it when they read the room's key... which
                // this host could not write. Said in the log (RedisDown) and in docs/cluster.md.
            }
        }
    }

    private async Task OnArretAsync(string id)
    {
        if (ArretId.Parse(id) is { } arret)
            await ApplyAsync(arret).ConfigureAwait(false);
    }

    private async Task ApplyAsync(ArretId arret)
    {
        var id = arret.ToString();
        lock (_gate)
        {
            if (!_seen.Add(id))
                return;
        }
        var roomName = arret.Room;
        try
        {
            if (_server.Room(roomName) is { IsRunning: true } room)
                await room.ArretAsync(ByPrefix + arret.HostId).ConfigureAwait(false);
            await _link.RunAsync(db => AcknowledgeAsync(db, id), "HSET").ConfigureAwait(false);
            Acknowledged?.Invoke(arret);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The room is stopped; only the acknowledgement is missing, and the link is marked down.
        }
        catch (Exception e)
        {
            ClusterLog.ControlFailed(_logger, roomName, e);
        }
    }

    // Redis is back: an arret said while this host was cut off is in the room's key.
    private void OnRedisState(bool up)
    {
        if (up)
            _ = CatchUpAsync();
    }

    private async Task CatchUpAsync()
    {
        foreach (var room in _server.Rooms.Where(r => r.IsRunning))
        {
            try
            {
                if (ArretId.Parse(await LastArretAsync(room.Name).ConfigureAwait(false)) is { } arret && arret.At > room.StartedAt)
                    await ApplyAsync(arret).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return;
            }
        }
    }

    private Task<bool> AcknowledgeAsync(IDatabaseAsync db, string id)
    {
        var key = AckKey(id);
        _ = db.KeyExpireAsync(key, AcknowledgementsKept, flags: CommandFlags.FireAndForget);
        return db.HashSetAsync(key, _link.Options.HostId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    private RedisKey RoomKey(string room) => $"{_link.Options.KeyPrefix}:room:{room}:arret";

    private RedisKey AckKey(string id) => $"{_link.Options.KeyPrefix}:arret:{id}";

    public async ValueTask DisposeAsync()
    {
        _link.StateChanged -= OnRedisState;
        _events.Dispose();
        await _watching.ConfigureAwait(false);
    }
}
