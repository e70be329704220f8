using System.Net;
using ChatOps.Cluster.Bus;
using ChatOps.Cluster.Control;
using ChatOps.Cluster.Options;
using ChatOps.Cluster.Presence;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// One ChatOps host of a cluster, in the test's process: its own Redis connection and host id, and one relay room on a
/// loopback port whose fan-out goes through the shared Redis stream.
/// </summary>
internal sealed class ClusterHost : IAsyncDisposable
{
    private readonly List<TcpTestClient> _clients = [];
    private readonly RedisStreamBus _bus;

    private ClusterHost(string hostId, RedisLink link, RedisStreamBus bus, ChatServer server, ClusterArret arret, ClusterPresence presence, HostControl control)
    {
        Control = control;
        Presence = presence;
        HostId = hostId;
        Link = link;
        _bus = bus;
        Server = server;
        Arret = arret;
    }

    public string HostId { get; }

    public RedisLink Link { get; }

    public ChatServer Server { get; }

    public ChatEngine Engine => Server.Rooms[0];

    public ClusterArret Arret { get; }

    public ClusterPresence Presence { get; }

    /// <summary>Kicks, bans, mode and roster across hosts.</summary>
    public HostControl Control { get; }

    /// <summary>Heartbeats every 200 ms, gone after 1 s: the cluster view's tests wait seconds, not the defaults' 5.</summary>
    /// <param name="redis">The test's Redis; <paramref name="through"/> (a <see cref="RedisCut"/>'s) when given is how this host reaches it.</param>
    /// <param name="beforeRead">Awaited by the room's bus before each read of the stream (a <see cref="ReadGate"/>).</param>
    public static async Task<ClusterHost> StartAsync(string hostId, RedisServer redis, string? through = null, Func<CancellationToken, Task>? beforeRead = null)
    {
        var link = RedisLink.Connect(new ClusterOptions
        {
            Redis = through ?? redis.ConnectionString,
            HostId = hostId,
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            HostExpiry = TimeSpan.FromSeconds(1),
        });
        var bus = new RedisStreamBus("main", link, NullLogger.Instance, beforeRead);
        var bans = new ClusterBans(link, NullLogger.Instance);
        var server = new ChatServer(Microsoft.Extensions.Options.Options.Create(TestOptions.For(ChatMode.Relay)), busFor: _ => bus, admission: bans);
        var arret = new ClusterArret(server, link, NullLogger.Instance);
        var control = HostControl.Create(server, link, bans);
        await server.StartAsync();
        await bus.Reading.WaitAsync(TimeSpan.FromSeconds(10));
        return new ClusterHost(hostId, link, bus, server, arret, new ClusterPresence(server, link), control);
    }

    /// <summary>A client from <paramref name="from"/> (a loopback address), once the room has admitted it.</summary>
    public async Task<TcpTestClient> ConnectAsync(IPAddress from)
    {
        var client = await TcpTestClient.ConnectAsync(Engine.LocalEndPoint!, from: from);
        lock (_clients)
            _clients.Add(client);
        // The room's welcome comes once it has admitted the client: lines sent after it reach the client.
        await client.ReadLineAsync(TimeSpan.FromSeconds(10));
        return client;
    }

    /// <summary>Completes when this host's link reports Redis <paramref name="up"/> (at once if it already does).</summary>
    public Task WhenRedisAsync(bool up)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(bool state)
        {
            if (state == up)
                changed.TrySetResult();
        }
        Link.StateChanged += Handler;
        if (Link.IsUp == up)
            changed.TrySetResult();
        return changed.Task.ContinueWith(_ => Link.StateChanged -= Handler, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        await Presence.DisposeAsync();
        await Control.DisposeAsync();
        await Arret.DisposeAsync();
        await Server.DisposeAsync();
        await _bus.DisposeAsync();
        await Link.DisposeAsync();
    }
}
