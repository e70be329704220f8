using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary>
/// A relay room on 127.0.0.1 that trusts the balancer at <see cref="Balancer"/> (127.0.0.1), with its logs and events.
/// Linux answers for all of 127.0.0.0/8 on lo, so a client bound to 127.0.0.2 is a machine the room does not trust.
/// </summary>
internal sealed class ProxiedRoom : IAsyncDisposable
{
    public static readonly IPAddress Balancer = IPAddress.Loopback;
    private readonly List<IAsyncDisposable> _clients = [];

    private ProxiedRoom(ChatOptions options, IConnectionAdmission? admission)
    {
        Engine = new ChatEngine(Microsoft.Extensions.Options.Options.Create(options), Logs, admission: admission);
        Events = new EventLog(Engine.Events);
    }

    public ChatEngine Engine { get; }

    public EventLog Events { get; }

    public FakeLogger<ChatEngine> Logs { get; } = new();

    public IPEndPoint EndPoint => Engine.LocalEndPoint!;

    public static async Task<ProxiedRoom> StartAsync(Action<ChatOptions>? configure = null, IConnectionAdmission? admission = null)
    {
        var options = TestOptions.For(ChatMode.Relay, o =>
        {
            o.TrustedProxies = [Balancer.ToString()];
            o.ProxyHeaderTimeout = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        var room = new ProxiedRoom(options, admission);
        await room.Engine.StartAsync();
        return room;
    }

    /// <summary>The log lines of one event id.</summary>
    public IReadOnlyList<FakeLogRecord> Logged(int eventId) => [.. Logs.Collector.GetSnapshot().Where(r => r.Id.Id == eventId)];

    /// <summary>Warnings and errors, one line each.</summary>
    public IEnumerable<string> Problems => Logs.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Id.Id} {r.Message}");

    /// <summary>A client connected directly from <paramref name="from"/>, once the room has admitted it.</summary>
    public async Task<TcpTestClient> JoinFromAsync(string from)
    {
        var client = await ConnectFromAsync(from);
        var port = client.LocalEndPoint.Port;
        await Events.WaitForAsync<ClientConnected>(e => e.Port == port);
        return client;
    }

    /// <summary>A raw connection from <paramref name="from"/>: what a balancer, or someone pretending, opens.</summary>
    public async Task<TcpTestClient> ConnectFromAsync(string from)
    {
        var client = await TcpTestClient.ConnectAsync(EndPoint, from: IPAddress.Parse(from));
        _clients.Add(client);
        return client;
    }

    /// <summary>How the server ended a connection: <c>closed</c> (a FIN) or <c>reset</c>; what it sent before is skipped.</summary>
    public static async Task<string> EndOfAsync(TcpTestClient client, TimeSpan? timeout = null)
    {
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(timeout ?? LineReader.DefaultTimeout);
        try
        {
            while (await client.Socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) > 0)
            {
            }
            return "closed";
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return "reset";
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        await Engine.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Events.Dispose();
    }
}
