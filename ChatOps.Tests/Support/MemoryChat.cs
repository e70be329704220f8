using System.Net;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatOps.Tests.Support;

/// <summary>
/// A started engine whose clients are in-memory connections with any address (10.0.0.1, 10.0.0.2, … by default),
/// for protocol and session tests that need no socket.
/// </summary>
internal sealed class MemoryChat : IAsyncDisposable
{
    private readonly List<MemoryClient> _clients = [];
    private int _nextHost;

    private MemoryChat(ChatOptions options, TimeProvider? time)
    {
        Engine = new ChatEngine(Microsoft.Extensions.Options.Options.Create(options), Logs, time: time);
        Events = new EventLog(Engine.Events);
    }

    public ChatEngine Engine { get; }

    /// <summary>What the engine logged: a session's unexpected exception is an error entry here, never lost.</summary>
    public FakeLogger<ChatEngine> Logs { get; } = new();

    /// <summary>The engine's warnings and errors, as one line each (empty when all went as the protocol says).</summary>
    public IEnumerable<string> Problems => Logs.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Level}: {r.Message} {r.Exception}");

    public EventLog Events { get; }

    public static async Task<MemoryChat> StartAsync(ChatMode mode, Action<ChatOptions>? configure = null, TimeProvider? time = null)
    {
        var chat = new MemoryChat(TestOptions.For(mode, configure), time);
        await chat.Engine.StartAsync();
        return chat;
    }

    /// <summary>A client from the next address 10.0.0.N, or from <paramref name="ip"/>.</summary>
    public MemoryClient Connect(string? ip = null, int port = 0, long clientBufferBytes = 64 * 1024)
    {
        var n = Interlocked.Increment(ref _nextHost);
        // 10.0.0.1 … 10.0.0.249, then 10.0.1.1 and on: readable in the common case, distinct in stress loops.
        var address = IPAddress.Parse(ip ?? (n < 250 ? $"10.0.0.{n}" : $"10.0.{n / 250}.{(n % 250) + 1}"));
        var connection = new InMemoryConnection(new IPEndPoint(address, port == 0 ? 40000 + n : port), clientBufferBytes);
        var client = new MemoryClient(connection, Engine.Serve(connection));
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        await Engine.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Events.Dispose();
    }
}
