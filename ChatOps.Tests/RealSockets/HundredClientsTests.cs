using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

[Collection(nameof(HeavySockets))]
public sealed class HundredClientsTests
{
    private const int Clients = 100;
    private const int LinesEach = 5;

    [Fact]
    public async Task A_hundred_clients_relaying_at_once_lose_no_line()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var clients = await ConnectAllAsync(chat);
        var expected = Clients - 1;
        var readers = clients.Select(c => ReadRelayedAsync(c, expected * LinesEach)).ToList();

        await Task.WhenAll(clients.Select(async (c, i) =>
        {
            for (var k = 0; k < LinesEach; k++)
                await c.SendLineAsync($"msg {i} {k}");
        }));
        var received = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        for (var i = 0; i < Clients; i++)
        {
            var want = Enumerable.Range(0, Clients).Where(j => j != i)
                .SelectMany(j => Enumerable.Range(0, LinesEach).Select(k => $"[127.0.0.1] msg {j} {k}"));
            Assert.Equal(want.Order(StringComparer.Ordinal), received[i].Order(StringComparer.Ordinal));
        }
        Assert.Equal(Clients, chat.Engine.ClientCount);
    }

    [Fact]
    public async Task Shutting_down_with_a_hundred_clients_tells_every_one_and_nothing_hangs()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var clients = await ConnectAllAsync(chat);
        var endings = clients.Select(c => c.ReadToEndAsync(TimeSpan.FromSeconds(30))).ToList();

        await chat.Engine.StopAsync(StopReason.Shutdown, "host", TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var all = await Task.WhenAll(endings).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.All(all, lines => Assert.Equal("* the server is shutting down", lines[^1]));
        Assert.Equal(Clients, (await chat.Events.WaitForCountAsync<ClientDisconnected>(Clients, e => e.Reason == DisconnectReason.Shutdown)).Count);
        Assert.Equal(0, chat.Engine.ClientCount);
    }

    private static async Task<List<TcpTestClient>> ConnectAllAsync(TcpChat chat)
    {
        var clients = new List<TcpTestClient>();
        for (var i = 0; i < Clients; i++)
            clients.Add(await chat.ConnectAsync());
        await chat.Events.WaitForCountAsync<ClientConnected>(Clients, timeout: TimeSpan.FromSeconds(30));
        return clients;
    }

    // Every relayed line (join notices and the welcome are skipped), until the expected count or a bounded wait.
    private static async Task<List<string>> ReadRelayedAsync(TcpTestClient client, int count)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            var line = await client.ReadLineAsync(TimeSpan.FromSeconds(30)) ?? throw new EndOfStreamException($"closed after {lines.Count} of {count} lines");
            if (line.StartsWith('['))
                lines.Add(line);
        }
        return lines;
    }
}
