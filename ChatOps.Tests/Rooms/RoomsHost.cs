using System.Net;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Rooms;

/// <summary>A real <see cref="ChatServer"/> with named rooms on free loopback ports, and the real TCP clients a test opened.</summary>
internal sealed class RoomsHost : IAsyncDisposable
{
    private readonly List<TcpTestClient> _clients = [];

    private RoomsHost(ChatServer server)
    {
        Server = server;
        Events = new EventLog(server.Events);
    }

    public ChatServer Server { get; }

    /// <summary>Every room's events, from before the start.</summary>
    public EventLog Events { get; }

    public static Task<RoomsHost> StartAsync(params (string Name, ChatMode Mode)[] rooms) => StartAsync(null, rooms);

    public static async Task<RoomsHost> StartAsync(Action<ChatOptions>? configure, params (string Name, ChatMode Mode)[] rooms)
    {
        var options = TestOptions.For(ChatMode.Relay, o =>
        {
            foreach (var (name, mode) in rooms)
                o.Rooms[name] = new RoomOptions { Port = 0, Mode = mode };
            configure?.Invoke(o);
        });
        var host = new RoomsHost(new ChatServer(Microsoft.Extensions.Options.Options.Create(options)));
        await host.Server.StartAsync();
        return host;
    }

    public IPEndPoint EndPointOf(string room) => Server.Room(room)?.LocalEndPoint ?? throw new InvalidOperationException($"room {room} is not listening");

    /// <summary>Connects to a room and waits until it has admitted the client (its ClientConnected event).</summary>
    public async Task<TcpTestClient> ConnectJoinedAsync(string room)
    {
        var client = await TcpTestClient.ConnectAsync(EndPointOf(room));
        lock (_clients)
            _clients.Add(client);
        var port = client.LocalEndPoint.Port;
        await Events.WaitForAsync<ClientConnected>(e => e.Port == port && e.Room == room);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        List<TcpTestClient> clients;
        lock (_clients)
            clients = [.. _clients];
        foreach (var client in clients)
            await client.DisposeAsync();
        await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Events.Dispose();
    }
}
