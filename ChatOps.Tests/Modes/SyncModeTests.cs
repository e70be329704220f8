using ChatOps.Tests.Support;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Tests.Modes;

public sealed class SyncModeTests
{
    private const string Waiting1 = "* the server is serving another client; you are number 1 in line";

    [Fact]
    public async Task The_first_client_is_served_and_a_second_one_is_told_it_waits()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        var b = chat.Connect();
        var c = chat.Connect();
        Assert.Equal(Waiting1, await b.ReadLineAsync());
        Assert.Equal("* the server is serving another client; you are number 2 in line", await c.ReadLineAsync());
        var states = chat.Engine.GetSessions().ToDictionary(s => s.Id, s => s.Serving);
        Assert.Equal([ServingState.Served, ServingState.Waiting, ServingState.Waiting], [states[a.Id], states[b.Id], states[c.Id]]);
    }

    [Fact]
    public async Task Each_line_of_the_served_client_gets_exactly_one_operator_reply_in_order()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect("10.0.0.1");
        await a.SendLineAsync("question 1");
        await a.SendLineAsync("question 2");
        await chat.Events.WaitForAsync<LineDelivered>(e => e.Text == "question 2");
        Assert.Equal(new PendingReplyView(a.Id, "10.0.0.1", "question 1", 2), View(chat.Engine.PendingReply));

        Assert.True(chat.Engine.Reply("réponse 1"));
        Assert.Equal("réponse 1", await a.ReadLineAsync());
        Assert.Equal(new PendingReplyView(a.Id, "10.0.0.1", "question 2", 1), View(chat.Engine.PendingReply));
        Assert.True(chat.Engine.Reply("réponse 2"));
        Assert.Equal("réponse 2", await a.ReadLineAsync());

        Assert.Null(chat.Engine.PendingReply);
        Assert.False(chat.Engine.Reply("one too many"));
    }

    [Fact]
    public async Task The_line_to_answer_is_announced_oldest_first()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        await a.SendLineAsync("q1");
        await a.SendLineAsync("q2");
        Assert.Equal("q1", (await chat.Events.WaitForAsync<ReplyAwaited>()).Text);
        await chat.Events.WaitForAsync<LineDelivered>(e => e.Text == "q2");
        Assert.True(chat.Engine.Reply("r1"));
        Assert.Equal("q2", (await chat.Events.WaitForAsync<ReplyAwaited>(e => e.Text == "q2")).Text);
    }

    [Fact]
    public async Task After_bye_the_waiting_client_is_served_next_and_its_held_lines_are_answered_in_order()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        var b = chat.Connect();
        Assert.Equal(Waiting1, await b.ReadLineAsync());
        await b.SendLineAsync("held 1");
        await b.SendLineAsync("held 2");
        await chat.Events.WaitForAsync<LineReceived>(e => e.Text == "held 2");
        Assert.Null(chat.Engine.PendingReply);

        await a.SendLineAsync("bye");
        Assert.Equal(["* goodbye 10.0.0.1"], await a.ReadToEndAsync());
        await chat.Events.WaitForAsync<ServingChanged>(e => e.ServedSessionId == b.Id);

        Assert.Equal("held 1", chat.Engine.PendingReply?.Text);
        Assert.True(chat.Engine.Reply("r1"));
        Assert.True(chat.Engine.Reply("r2"));
        Assert.Equal("r1", await b.ReadLineAsync());
        Assert.Equal("r2", await b.ReadLineAsync());
    }

    [Fact]
    public async Task A_disconnect_promotes_the_next_client_and_forgets_the_unanswered_lines()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        var b = chat.Connect();
        await a.SendLineAsync("never answered");
        await chat.Events.WaitForAsync<ReplyAwaited>();
        await a.CloseAsync();
        var serving = await chat.Events.WaitForAsync<ServingChanged>(e => e.ServedSessionId == b.Id);
        Assert.Equal(0, serving.Waiting);
        Assert.Null(chat.Engine.PendingReply);
        await b.SendLineAsync("my turn?");
        await chat.Events.WaitForAsync<ReplyAwaited>(e => e.SessionId == b.Id);
        Assert.True(chat.Engine.Reply("yes"));
        Assert.Equal("yes", await b.ReadUntilAsync(l => !l.StartsWith("* ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_client_can_connect_after_the_previous_one_left()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        await a.SendLineAsync("bye");
        await a.ReadToEndAsync();
        var again = chat.Connect();
        await again.SendLineAsync("me again");
        await chat.Events.WaitForAsync<ReplyAwaited>(e => e.SessionId == again.Id);
        Assert.True(chat.Engine.Reply("welcome back"));
        Assert.Equal("welcome back", await again.ReadLineAsync());
    }

    [Fact]
    public async Task A_waiting_client_that_sends_too_much_is_told_its_lines_are_dropped()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync, o => o.MaxHeldLines = 2);
        chat.Connect();
        var b = chat.Connect();
        await b.SendAsync("1\n2\n3\n"u8.ToArray());
        Assert.Equal(Waiting1, await b.ReadLineAsync());
        Assert.Equal("* line dropped: wait your turn (2 lines are already waiting)", await b.ReadLineAsync());
    }

    [Fact]
    public async Task The_reply_is_cleaned_like_any_line()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        await a.SendLineAsync("q");
        await chat.Events.WaitForAsync<ReplyAwaited>();
        Assert.False(chat.Engine.Reply("  \u001b[2J  "));
        Assert.True(chat.Engine.Reply("\u001b[31mok\u0007"));
        Assert.Equal("ok", await a.ReadLineAsync());
    }

    private static PendingReplyView? View(TcpEngine.Modes.PendingReply? p) =>
        p is null ? null : new PendingReplyView(p.SessionId, p.Ip, p.Text, p.Unanswered);

    private sealed record PendingReplyView(long SessionId, string Ip, string Text, int Unanswered);
}
