using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Modes;

public sealed class SyncModeTests
{
    private const string Waiting1 = "* the server is serving another client; you are number 1 in line";

    [Fact]
    public async Task A_waiting_client_hears_nothing_until_the_answer_to_its_first_line()
    {
        // The exercise's clients send one message and read exactly one answer: a notice would be taken for the answer.
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        var b = chat.Connect();
        await b.SendLineAsync("question de b");
        await chat.Events.WaitForAsync<LineReceived>(e => e.SessionId == b.Id);
        Assert.Equal(ServingState.Waiting, chat.Engine.GetSessions().Single(s => s.Id == b.Id).Serving);

        await a.SendLineAsync("bye");
        await a.ReadToEndAsync();
        await chat.Events.WaitForAsync<ReplyAwaited>(e => e.SessionId == b.Id);
        Assert.True(chat.Engine.Reply("réponse à b"));
        // The queue is in order: had any notice been sent to b, it would come first.
        Assert.Equal("réponse à b", await b.ReadLineAsync());
    }

    [Fact]
    public async Task A_client_that_reads_first_is_greeted_by_the_operator_and_the_greeting_is_marked()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var reader = chat.Connect();
        Assert.Null(chat.Engine.PendingReply);
        Assert.True(chat.Engine.TryReply("bonjour, parle-moi", "teacher", out var greeting));
        Assert.True(greeting);
        Assert.Equal("bonjour, parle-moi", await reader.ReadLineAsync());
        Assert.True((await chat.Events.WaitForAsync<OperatorLine>()).Greeting);

        await reader.SendLineAsync("salut");
        await chat.Events.WaitForAsync<ReplyAwaited>();
        Assert.True(chat.Engine.TryReply("ça va ?", "teacher", out greeting));
        Assert.False(greeting);
    }

    [Fact]
    public async Task A_half_closed_client_gets_the_answers_to_its_lines_then_is_closed()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        await a.SendLineAsync("q1");
        await a.SendAsync("q2 sans retour à la ligne"u8.ToArray());
        await a.HalfCloseAsync();
        await chat.Events.WaitForAsync<LineReceived>(e => e.Text == "q2 sans retour à la ligne");
        Assert.True(chat.Engine.Reply("r1"));
        Assert.True(chat.Engine.Reply("r2"));
        Assert.Equal(["r1", "r2"], await a.ReadToEndAsync());
        Assert.Equal(DisconnectReason.ClosedByPeer, (await chat.Events.WaitForAsync<ClientDisconnected>()).Reason);
        Assert.True(chat.Engine.GetSessions().Count == 0);
    }

    [Fact]
    public async Task With_queue_notices_the_first_client_is_served_and_a_second_one_is_told_it_waits()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync, o => o.SyncQueueNotices = true);
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
        // With nothing to answer, the line greets the served client instead.
        Assert.True(chat.Engine.TryReply("one more", "teacher", out var greeting));
        Assert.True(greeting);
        Assert.Equal("one more", await a.ReadLineAsync());
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
    public async Task A_refused_arret_ends_the_served_client_and_the_waiting_one_is_served()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync, o => o.AllowClientArret = false);
        var a = chat.Connect();
        var b = chat.Connect();
        await a.SendLineAsync("arret");
        Assert.Equal(["* arret is not allowed on this server"], await a.ReadToEndAsync());
        await chat.Events.WaitForAsync<ServingChanged>(e => e.ServedSessionId == b.Id);
        Assert.True(chat.Engine.IsRunning);
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
    public async Task Lines_beyond_the_held_limit_are_dropped_and_reported_without_a_notice_by_default()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync, o => o.MaxHeldLines = 2);
        var a = chat.Connect();
        var b = chat.Connect();
        await b.SendAsync("1\n2\n3\n"u8.ToArray());
        Assert.Equal(ViolationKind.HeldFull, (await chat.Events.WaitForAsync<ProtocolViolation>(e => e.SessionId == b.Id)).Kind);
        await a.SendAsync("x\ny\nz\n"u8.ToArray());
        Assert.Equal("line dropped: 2 unanswered lines already", (await chat.Events.WaitForAsync<ProtocolViolation>(e => e.SessionId == a.Id)).Detail);
        Assert.Equal(2, chat.Engine.PendingReply?.Unanswered);
    }

    [Fact]
    public async Task With_queue_notices_a_waiting_client_that_sends_too_much_is_told_its_lines_are_dropped()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync, o =>
        {
            o.MaxHeldLines = 2;
            o.SyncQueueNotices = true;
        });
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
