using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.RealSockets;

/// <summary>
/// Chat:IdleTimeout, Chat:ReplaceIdleAfter and Chat:LineTimeout over real sockets, on a clock the test moves: silent
/// connections cannot hold the slots, a slow drip cannot hold a line open, and nobody who talks or waits is cut.
/// </summary>
public sealed class IdleRulesOverTcpTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_client_silent_for_the_idle_timeout_is_cut_with_a_notice_and_one_that_talks_is_not()
    {
        var time = new FakeTimeProvider(Start);
        await using var room = await TcpChat.StartAsync(ChatMode.Relay, o => o.IdleTimeout = TimeSpan.FromMinutes(10), time);
        var talker = await room.ConnectJoinedAsync();
        var silent = await room.ConnectJoinedAsync();

        time.Advance(TimeSpan.FromMinutes(9));
        await talker.SendLineAsync("je suis là");
        await room.Events.WaitForAsync<LineReceived>();
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(Notices.English.Idle(TimeSpan.FromMinutes(10)), (await silent.ReadToEndAsync())[^1]);
        var cut = await room.Events.WaitForAsync<ClientDisconnected>();
        Assert.Equal((DisconnectReason.Idle, silent.LocalEndPoint.Port), (cut.Reason, cut.Port));
        Assert.Equal([talker.LocalEndPoint.Port], room.Engine.GetSessions().Select(s => s.Port));
    }

    [Fact]
    public async Task Clients_waiting_their_turn_or_the_teachers_answer_are_never_idle()
    {
        var time = new FakeTimeProvider(Start);
        await using var room = await TcpChat.StartAsync(ChatMode.Sync, o => o.IdleTimeout = TimeSpan.FromMinutes(10), time);
        var served = await room.ConnectJoinedAsync();
        var waiting = await room.ConnectJoinedAsync();
        await served.SendLineAsync("une question");
        await room.Events.WaitForAsync<ReplyAwaited>();

        time.Advance(TimeSpan.FromMinutes(30));

        // The sweep runs inside Advance: a cut would already have closed the session.
        Assert.Equal(2, room.Engine.GetSessions().Count);
        Assert.True(room.Engine.Reply("la réponse", "teacher"));
        Assert.Equal("la réponse", await served.ReadLineAsync());
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(Notices.English.Idle(TimeSpan.FromMinutes(10)), (await served.ReadToEndAsync())[^1]);
        Assert.Contains(waiting.LocalEndPoint.Port, room.Engine.GetSessions().Select(s => s.Port));
    }

    [Fact]
    public async Task When_the_room_is_full_a_newcomer_replaces_the_longest_silent_client_but_never_a_recent_one()
    {
        var time = new FakeTimeProvider(Start);
        await using var room = await TcpChat.StartAsync(ChatMode.Relay, o =>
        {
            o.MaxClients = 2;
            o.ReplaceIdleAfter = TimeSpan.FromMinutes(5);
        }, time);
        var active = await room.ConnectJoinedAsync();
        var hoarder = await room.ConnectJoinedAsync();

        var tooEarly = await TcpTestClient.ConnectAsync(room.Engine.LocalEndPoint!);
        Assert.Equal(Notices.English.ServerFull(2), (await tooEarly.ReadToEndAsync())[^1]);

        time.Advance(TimeSpan.FromMinutes(6));
        await active.SendLineAsync("toujours actif");
        await room.Events.WaitForAsync<LineReceived>();
        var newcomer = await room.ConnectJoinedAsync();

        Assert.Equal(Notices.English.ReplacedWhileIdle(), (await hoarder.ReadToEndAsync())[^1]);
        var replaced = await room.Events.WaitForAsync<ClientDisconnected>(d => d.Port == hoarder.LocalEndPoint.Port);
        Assert.Equal(DisconnectReason.Idle, replaced.Reason);
        await active.SendLineAsync("bienvenue");
        Assert.Equal("[127.0.0.1] bienvenue", await newcomer.ReadUntilAsync(l => l.EndsWith("bienvenue", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_line_dripped_a_byte_at_a_time_and_never_finished_is_cut_after_the_line_timeout()
    {
        var time = new FakeTimeProvider(Start);
        await using var room = await TcpChat.StartAsync(ChatMode.Relay, o =>
        {
            o.Framing = FramingMode.Lines;
            o.LineTimeout = TimeSpan.FromSeconds(60);
        }, time);
        var dripper = await room.ConnectJoinedAsync();
        var finisher = await room.ConnectJoinedAsync();

        var line = "GET / HTTP"u8.ToArray();
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            await dripper.SendAsync(new[] { b });
            await WaitForBytesInAsync(room, dripper, i + 1);
            time.Advance(TimeSpan.FromSeconds(5));
            await finisher.SendAsync(new[] { b });
        }
        // 50 s of dripping: not yet. The finisher ends its line in time and stays.
        await finisher.SendLineAsync("");
        await room.Events.WaitForAsync<LineReceived>(l => l.Text == "GET / HTTP");
        time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(Notices.English.LineTimedOut(TimeSpan.FromSeconds(60)), (await dripper.ReadToEndAsync())[^1]);
        var cut = await room.Events.WaitForAsync<ClientDisconnected>();
        Assert.Equal((DisconnectReason.LineTimeout, dripper.LocalEndPoint.Port), (cut.Reason, cut.Port));
        Assert.Equal([finisher.LocalEndPoint.Port], room.Engine.GetSessions().Select(s => s.Port));
    }

    /// <summary>Waits until the engine has read <paramref name="bytes"/> bytes from <paramref name="client"/>.</summary>
    private static Task WaitForBytesInAsync(TcpChat room, TcpTestClient client, long bytes)
    {
        var port = client.LocalEndPoint.Port;
        return Eventually.HoldsAsync(() => room.Engine.GetSessions().Single(s => s.Port == port).BytesIn >= bytes, $"the engine read {bytes} bytes");
    }
}
