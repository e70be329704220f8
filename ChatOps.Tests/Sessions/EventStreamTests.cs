using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Sessions;

public sealed class EventStreamTests
{
    [Fact]
    public async Task Every_kind_of_event_is_published()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync, o => o.MaxLineBytes = 16);
        var a = chat.Connect("10.0.0.1");
        var b = chat.Connect("10.0.0.2");
        await a.SendLineAsync("question");
        await chat.Events.WaitForAsync<ReplyAwaited>();
        chat.Engine.Reply("answer");
        await b.SendLineAsync(new string('x', 40));
        await chat.Events.WaitForAsync<ProtocolViolation>();
        await chat.Engine.SwitchModeAsync(ChatMode.Relay, "teacher", TestContext.Current.CancellationToken);
        await chat.Engine.StopAsync(StopReason.Stopped, "teacher", TestContext.Current.CancellationToken);

        await chat.Events.WaitForAsync<EngineStopped>();
        var seen = chat.Events.Drain().Select(e => e.GetType()).ToHashSet();
        var kinds = typeof(ChatEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ChatEvent)) && !t.IsAbstract);
        Assert.All(kinds, kind => Assert.Contains(kind, seen));
    }

    [Fact]
    public async Task Events_carry_who_what_and_why()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var started = await chat.Events.WaitForAsync<EngineStarted>();
        Assert.Equal((ChatMode.Relay, chat.Engine.LocalEndPoint), (started.Mode, started.Endpoints.Single()));

        var a = chat.Connect("10.0.0.1", 40001);
        var b = chat.Connect("10.0.0.2", 40002);
        var connected = await chat.Events.WaitForAsync<ClientConnected>(e => e.SessionId == a.Id);
        Assert.Equal(("10.0.0.1", 40001), (connected.Ip, connected.Port));

        await a.SendLineAsync("bonjour");
        await a.SendLineAsync("bye");
        var received = await chat.Events.WaitForAsync<LineReceived>(e => e.Text == "bonjour");
        Assert.Equal((a.Id, "10.0.0.1", ProtocolWord.None), (received.SessionId, received.Ip, received.Word));
        Assert.Equal(ProtocolWord.Bye, (await chat.Events.WaitForAsync<LineReceived>(e => e.Text == "bye")).Word);
        var delivered = await chat.Events.WaitForAsync<LineDelivered>();
        Assert.Equal(("bonjour", 1), (delivered.Text, delivered.Recipients));
        var left = await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == a.Id);
        Assert.Equal(("10.0.0.1", 40001, DisconnectReason.Bye), (left.Ip, left.Port, left.Reason));

        Assert.Equal(1, chat.Engine.Broadcast("annonce", by: "prof"));
        var op = await chat.Events.WaitForAsync<OperatorLine>();
        Assert.Equal(((long?)null, "annonce", "prof", 1), (op.SessionId, op.Text, op.By, op.Recipients));

        await b.CloseAsync();
        Assert.Equal(DisconnectReason.ClosedByPeer, (await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == b.Id)).Reason);
    }

    [Fact]
    public async Task Sync_mode_publishes_who_is_served_and_how_many_wait()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Sync);
        var a = chat.Connect();
        var b = chat.Connect();
        var twoThere = await chat.Events.WaitForAsync<ServingChanged>(e => e.Waiting == 1);
        Assert.Equal(a.Id, twoThere.ServedSessionId);
        await a.CloseAsync();
        await chat.Events.WaitForAsync<ServingChanged>(e => e.ServedSessionId == b.Id && e.Waiting == 0);
        await b.CloseAsync();
        await chat.Events.WaitForAsync<ServingChanged>(e => e.ServedSessionId == null);
    }

    [Fact]
    public async Task A_subscriber_that_does_not_want_deliveries_never_queues_them()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        using var picky = chat.Engine.Events.Subscribe(capacity: 8, wants: ChatEventFeed.AllButDeliveries);
        var client = chat.Connect();
        for (var i = 0; i < 20; i++)
        {
            await client.SendLineAsync($"line {i}");
            Assert.Equal($"line {i}", await client.ReadLineAsync());
        }
        await chat.Events.WaitForCountAsync<LineDelivered>(20);

        // Only what it wants was offered: the connect and the first 7 lines fill its 8 places; no delivery took one.
        var kept = new List<ChatEvent>();
        while (picky.Reader.TryRead(out var e))
            kept.Add(e);
        Assert.DoesNotContain(kept, e => e is LineDelivered);
        Assert.Equal(["line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6"], kept.OfType<LineReceived>().Select(e => e.Text));
        await Eventually.HoldsAsync(() => picky.Dropped == 21 - 8, $"13 dropped (now {picky.Dropped})");
    }

    [Fact]
    public async Task Batches_take_what_is_queued_up_to_their_size_in_order_and_end_with_the_subscription()
    {
        var feed = new ChatEventFeed();
        var subscription = feed.Subscribe();
        for (var i = 1; i <= 10; i++)
            feed.Publish(new ClientConnected(DateTimeOffset.UtcNow, i, "10.0.0.1", 40000 + i));
        subscription.Dispose(); // What is queued is still read, then the batches end.

        var sizes = new List<int>();
        var ids = new List<long>();
        await foreach (var batch in subscription.ReadBatchesAsync(max: 4, rest: TimeSpan.Zero).WithCancellation(TestContext.Current.CancellationToken))
        {
            sizes.Add(batch.Count);
            ids.AddRange(batch.Cast<ClientConnected>().Select(e => e.SessionId));
        }

        Assert.Equal([4, 4, 2], sizes);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task A_slow_subscriber_loses_events_and_is_told_how_many_while_the_others_and_the_chat_go_on()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        using var slow = chat.Engine.Events.Subscribe(capacity: 4);
        var client = chat.Connect();
        for (var i = 0; i < 20; i++)
        {
            await client.SendLineAsync($"line {i}");
            Assert.Equal($"line {i}", await client.ReadLineAsync());
        }
        Assert.Equal(20, (await chat.Events.WaitForCountAsync<LineDelivered>(20)).Count);
        Assert.Equal(20, chat.Events.Seen.OfType<LineReceived>().Count());
        Assert.Equal(0, chat.Events.Dropped);
        // 1 connect + 20 received + 20 delivered were offered to the slow one; it kept 4. (The last offer may trail
        // the fast subscriber's by a moment: both are served by the same publishing call, one after the other.)
        await Eventually.HoldsAsync(() => slow.Dropped == 41 - 4, $"37 dropped (now {slow.Dropped})");
    }

    [Fact]
    public async Task A_disposed_subscription_stops_receiving_and_ends_its_stream()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var subscription = chat.Engine.Events.Subscribe();
        subscription.Dispose();
        subscription.Dispose();
        chat.Connect();
        await subscription.Reader.Completion.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.False(subscription.Reader.TryRead(out _));
    }
}
