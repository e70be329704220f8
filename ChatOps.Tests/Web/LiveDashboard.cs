using System.Collections.Concurrent;
using System.Net;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;
using ChatOps.Web.Dashboard;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace ChatOps.Tests.Web;

/// <summary>A real engine on a free loopback port with the real dashboard state and feed, as the web host wires them.</summary>
internal sealed class LiveDashboard : IAsyncDisposable
{
    private readonly DashboardFeed _feed;
    private readonly ConcurrentDictionary<TcpTestClient, long> _sessionIds = new();

    private LiveDashboard(ChatServer server, DashboardState state, DashboardFeed feed, FakeLogger<DashboardState> stateLogs)
    {
        Server = server;
        State = state;
        _feed = feed;
        StateLogs = stateLogs;
    }

    /// <summary>What the state logs (its subscribers' failures and skipped pushes).</summary>
    public FakeLogger<DashboardState> StateLogs { get; }

    /// <summary>The rooms, as the web host has them (one room unless <c>configure</c> sets <c>Chat:Rooms</c>).</summary>
    public ChatServer Server { get; }

    /// <summary>The first room.</summary>
    public ChatEngine Engine => Server.Rooms[0];

    public DashboardState State { get; }

    public IPEndPoint EndPoint => Engine.LocalEndPoint!;

    public static async Task<LiveDashboard> StartAsync(Action<DashboardOptions, ChatOptions>? configure = null, TimeProvider? time = null)
    {
        var chat = new ChatOptions { Port = 0, BindAddress = "127.0.0.1", Language = ChatLanguage.En };
        var dashboard = new DashboardOptions();
        configure?.Invoke(dashboard, chat);
        time ??= TimeProvider.System;
        var server = new ChatServer(Microsoft.Extensions.Options.Options.Create(chat));
        var options = Microsoft.Extensions.Options.Options.Create(dashboard);
        var stateLogs = new FakeLogger<DashboardState>();
        var state = new DashboardState(server, options, time, stateLogs);
        var feed = new DashboardFeed(server, state, options, time, NullLogger<DashboardFeed>.Instance);
        await feed.StartAsync(CancellationToken.None);
        await server.StartAsync();
        return new LiveDashboard(server, state, feed, stateLogs);
    }

    /// <summary>
    /// Connects a client (to the first room, or <paramref name="room"/>; from 127.0.0.1, or <paramref name="from"/>) and
    /// returns once the engine has admitted it (its <c>ClientConnected</c> event).
    /// </summary>
    public async Task<TcpTestClient> ConnectAsync(string? room = null, IPAddress? from = null)
    {
        using var events = Server.Events.Subscribe();
        var engine = room is null ? Engine : Server.Room(room) ?? throw new ArgumentException($"no room {room}", nameof(room));
        var client = await TcpTestClient.ConnectAsync(engine.LocalEndPoint!, from: from);
        using var cts = new CancellationTokenSource(LineReader.DefaultTimeout);
        await foreach (var e in events.ReadAllAsync(cts.Token))
        {
            if (e is ClientConnected c && c.Port == client.LocalEndPoint.Port)
            {
                _sessionIds[client] = c.SessionId;
                return client;
            }
        }
        throw new InvalidOperationException("The engine never admitted the client.");
    }

    /// <summary>The engine's id for a client this dashboard connected; it stays known after the client leaves.</summary>
    public long SessionIdOf(TcpTestClient client) => _sessionIds[client];

    public async ValueTask DisposeAsync()
    {
        await _feed.DisposeAsync();
        await Server.DisposeAsync();
    }
}
