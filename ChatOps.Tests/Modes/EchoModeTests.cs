using ChatOps.Tests.Support;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;

namespace ChatOps.Tests.Modes;

public sealed class EchoModeTests
{
    [Fact]
    public async Task Each_line_comes_back_unchanged_and_first()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var client = chat.Connect();
        await client.SendLineAsync("Bonjour à toi 😀");
        Assert.Equal("Bonjour à toi 😀", await client.ReadLineAsync());
    }

    [Fact]
    public async Task Each_client_gets_only_its_own_lines()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var a = chat.Connect();
        var b = chat.Connect();
        await a.SendLineAsync("from a");
        await b.SendLineAsync("from b");
        await a.SendLineAsync("again a");
        Assert.Equal("from a", await a.ReadLineAsync());
        Assert.Equal("again a", await a.ReadLineAsync());
        Assert.Equal("from b", await b.ReadLineAsync());
    }

    [Fact]
    public async Task Empty_and_blank_lines_are_ignored()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var client = chat.Connect();
        await client.SendAsync("\n\r\n   \n\t\n"u8.ToArray());
        await client.SendLineAsync("x");
        Assert.Equal("x", await client.ReadLineAsync());
        Assert.Equal(1, chat.Engine.GetSessions().Single().LinesIn);
    }

    [Fact]
    public async Task The_echo_is_published_as_delivered_to_one_recipient()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var client = chat.Connect();
        await client.SendLineAsync("ping");
        var delivered = await chat.Events.WaitForAsync<LineDelivered>();
        Assert.Equal((client.Id, "ping", 1), (delivered.SessionId, delivered.Text, delivered.Recipients));
    }
}
