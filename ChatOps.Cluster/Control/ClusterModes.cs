using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatOps.Cluster.Control;

/// <summary>
/// A room's mode and auto-reply across hosts: a switch on one host switches the same room on every host. Redis owns the
/// setting (<see cref="RoomSetting"/> under <c>{prefix}:room:{name}:mode</c>); a change is written there and the room's
/// name published on <c>{prefix}:control:mode</c>. Every host applies a setting newer than the last it knew of, on the
/// wake-up and whenever Redis answers again; one made here while Redis was down is written then, unless a newer one is there.
/// </summary>
/// <remarks>
/// A host started after the last switch keeps its configured mode (as an arret older than the room's start does not
/// stop it): yesterday's setting must not switch today's lab.
/// </remarks>
public sealed class ClusterModes : IAsyncDisposable
{
    private readonly ChatServer _server;
    private readonly RedisLink _link;
    private readonly ILogger _logger;
    private readonly RedisChannel _channel;
    private readonly EventSubscription _events;
    private readonly Task _watching;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DateTimeOffset> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unshared = new(StringComparer.OrdinalIgnoreCase);
    private readonly DateTimeOffset _started;

    public ClusterModes(ChatServer server, RedisLink link, ILogger logger, TimeProvider? time = null)
    {
        _server = server;
        _link = link;
        _logger = logger;
        _started = (time ?? TimeProvider.System).GetUtcNow();
        _channel = RedisChannel.Literal($"{link.Options.KeyPrefix}:control:mode");
        _events = server.Events.Subscribe(wants: e => e is ModeChanged);
        _watching = WatchAsync();
        link.StateChanged += OnRedisState;
        Listening = SubscribeAsync();
    }

    /// <summary>Completes once this host listens for the other hosts' switches (or could not, Redis being down).</summary>
    public Task Listening { get; }

    /// <summary>Raised after this host applied another host's setting to one of its rooms (room name, setting).</summary>
    public event Action<string, RoomSetting>? Applied;

    /// <summary>
    /// Writes <paramref name="room"/>'s mode and auto-reply as the cluster's (the dashboard calls it after switching the
    /// auto-reply; mode switches are shared on their own). False when Redis did not answer: written when it does.
    /// </summary>
    public async Task<bool> ShareAsync(ChatEngine room)
    {
        ArgumentNullException.ThrowIfNull(room);
        var setting = new RoomSetting(room.Mode, room.AutoReply, DateTimeOffset.UtcNow, _link.Options.HostId);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _known[room.Name] = setting.At;
            _unshared.Add(room.Name);
            return await WriteAsync(room.Name, setting).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The cluster's setting of <paramref name="room"/>, or null.</summary>
    public async Task<RoomSetting?> SettingAsync(string room) =>
        RoomSetting.Parse(await _link.RunAsync(db => db.HashGetAllAsync(Key(room)), "HGETALL").ConfigureAwait(false));

    private async Task<bool> WriteAsync(string room, RoomSetting setting)
    {
        try
        {
            await _link.RunAsync(async db =>
            {
                await db.HashSetAsync(Key(room), setting.ToHash()).ConfigureAwait(false);
                return await db.PublishAsync(_channel, room).ConfigureAwait(false);
            }, "mode").ConfigureAwait(false);
            _unshared.Remove(room);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    // Local switches: tell the cluster. Switches that came from the cluster carry its "by" and are not sent back.
    private async Task WatchAsync()
    {
        await foreach (var e in _events.ReadAllAsync().ConfigureAwait(false))
        {
            if (((ModeChanged)e).By.StartsWith(ClusterArret.ByPrefix, StringComparison.Ordinal) || _server.Room(e.Room) is not { } room)
                continue;
            await ShareAsync(room).ConfigureAwait(false);
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _link.Connection.GetSubscriber().SubscribeAsync(_channel, (channel, message) => _ = CatchUpLoggedAsync(message.ToString())).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            _link.ReportFailure("SUBSCRIBE mode");
        }
    }

    private void OnRedisState(bool up)
    {
        if (up)
            _ = CatchUpLoggedAsync(null);
    }

    // One room (a wake-up), or every room (Redis answers again).
    private async Task CatchUpLoggedAsync(string? roomName)
    {
        try
        {
            foreach (var room in _server.Rooms.Where(r => roomName is null || string.Equals(r.Name, roomName, StringComparison.OrdinalIgnoreCase)))
                await CatchUpAsync(room).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Marked down (or the host is stopping): caught up when Redis answers again.
        }
        catch (Exception e)
        {
            ClusterLog.SharedStateFailed(_logger, "mode", e);
        }
    }

    private async Task CatchUpAsync(ChatEngine room)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var setting = await SettingAsync(room.Name).ConfigureAwait(false);
            var known = _known.GetValueOrDefault(room.Name, _started);
            if (setting is null || setting.At <= known)
            {
                // Nothing newer in the cluster: this host's own switch made while Redis was down goes out now.
                if (_unshared.Contains(room.Name))
                    await WriteAsync(room.Name, new RoomSetting(room.Mode, room.AutoReply, known, _link.Options.HostId)).ConfigureAwait(false);
                return;
            }
            _known[room.Name] = setting.At;
            _unshared.Remove(room.Name);
            if (setting.HostId == _link.Options.HostId)
                return;
            if (room.AutoReply != setting.AutoReply)
                room.AutoReply = setting.AutoReply;
            if (room.Mode != setting.Mode)
                await room.SwitchModeAsync(setting.Mode, ClusterArret.ByPrefix + setting.HostId).ConfigureAwait(false);
            ClusterLog.ModeApplied(_logger, room.Name, setting.Mode.ToString().ToLowerInvariant(), setting.AutoReply.ToString(), setting.HostId);
            Applied?.Invoke(room.Name, setting);
        }
        finally
        {
            _gate.Release();
        }
    }

    private RedisKey Key(string room) => $"{_link.Options.KeyPrefix}:room:{room}:mode";

    public async ValueTask DisposeAsync()
    {
        _link.StateChanged -= OnRedisState;
        _events.Dispose();
        await _watching.ConfigureAwait(false);
    }
}
