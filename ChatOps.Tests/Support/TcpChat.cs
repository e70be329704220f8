using System.Net;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Naming;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Support;

/// <summary>A real engine listening on 127.0.0.1, port 0, and the real TCP clients a test opened on it.</summary>
internal sealed class TcpChat : IAsyncDisposable
{
    private readonly List<TcpTestClient> _clients = [];

    private TcpChat(ChatOptions options, TimeProvider? time, IClientNames? names)
    {
        Engine = new ChatEngine(Microsoft.Extensions.Options.Options.Create(options), time: time, names: names);
        Events = new EventLog(Engine.Events);
    }

    public ChatEngine Engine { get; }

    public EventLog Events { get; }

    public IPEndPoint EndPoint => Engine.LocalEndPoint ?? throw new InvalidOperationException("not started");

    /// <param name="time">The engine's clock (its timers and timestamps); a fake one lets a test move time. Sockets stay real.</param>
    /// <param name="names">Students' names for Chat:RelayPrefix; none by default.</param>
    public static async Task<TcpChat> StartAsync(ChatMode mode, Action<ChatOptions>? configure = null, TimeProvider? time = null, IClientNames? names = null)
    {
        var chat = new TcpChat(TestOptions.For(mode, configure), time, names);
        await chat.Engine.StartAsync();
        return chat;
    }

    public async Task<TcpTestClient> ConnectAsync(int? receiveBuffer = null, IPAddress? from = null)
    {
        var client = await TcpTestClient.ConnectAsync(EndPoint, receiveBuffer, from);
        lock (_clients)
            _clients.Add(client);
        return client;
    }

    /// <summary>Connects and waits until the engine has admitted the client (its ClientConnected event).</summary>
    public async Task<TcpTestClient> ConnectJoinedAsync()
    {
        var client = await ConnectAsync();
        var port = client.LocalEndPoint.Port;
        await Events.WaitForAsync<TcpEngine.Events.ClientConnected>(e => e.Port == port);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        List<TcpTestClient> clients;
        lock (_clients)
            clients = [.. _clients];
        foreach (var client in clients)
            await client.DisposeAsync();
        await Engine.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Events.Dispose();
    }
}
