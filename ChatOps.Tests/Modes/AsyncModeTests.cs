using ChatOps.Tests.Support;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;

namespace ChatOps.Tests.Modes;

public sealed class AsyncModeTests
{
    [Fact]
    public async Task The_served_client_is_welcomed_and_the_next_one_waits()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Async);
        var a = chat.Connect();
        var b = chat.Connect();
        Assert.StartsWith("* connected to ChatOps (async mode)", await a.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal("* the server is serving another client; you are number 1 in line", await b.ReadLineAsync());
    }

    [Fact]
    public async Task Both_sides_send_whenever_they_like()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Async);
        var a = chat.Connect();
        await a.ReadLineAsync();
        Assert.True(chat.Engine.SendTo(a.Id, "first"));
        Assert.True(chat.Engine.SendTo(a.Id, "second"));
        await a.SendLineAsync("one");
        await a.SendLineAsync("two");
        Assert.Equal("first", await a.ReadLineAsync());
        Assert.Equal("second", await a.ReadLineAsync());
        await chat.Events.WaitForAsync<LineDelivered>(e => e.Text == "two");
        Assert.Null(chat.Engine.PendingReply);
        Assert.False(chat.Engine.Reply("no replies in async"));
    }

    [Fact]
    public async Task When_the_served_client_leaves_the_next_is_told_its_turn_and_its_held_lines_are_delivered()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Async);
        var a = chat.Connect();
        var b = chat.Connect();
        await b.SendLineAsync("while waiting");
        await chat.Events.WaitForAsync<LineReceived>(e => e.SessionId == b.Id);
        Assert.DoesNotContain(chat.Events.Drain().OfType<LineDelivered>(), e => e.SessionId == b.Id);

        await a.SendLineAsync("bye");
        Assert.Equal("* your turn: the server is now talking to you", await b.ReadUntilAsync(l => l.Contains("turn", StringComparison.Ordinal)));
        await chat.Events.WaitForAsync<LineDelivered>(e => e.SessionId == b.Id && e.Text == "while waiting");
        Assert.True(chat.Engine.SendTo(b.Id, "hello b"));
        Assert.Equal("hello b", await b.ReadLineAsync());
    }
}
