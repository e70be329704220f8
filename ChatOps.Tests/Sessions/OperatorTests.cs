using ChatOps.Tests.Support;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;

namespace ChatOps.Tests.Sessions;

public sealed class OperatorTests
{
    [Fact]
    public async Task Kick_closes_one_client_with_a_notice_and_the_others_stay()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var kicked = chat.Connect();
        var other = chat.Connect();
        Assert.True(chat.Engine.Kick(kicked.Id, "\u001b[31mcalme-toi"));
        Assert.Equal(["* disconnected by the teacher: calme-toi"], await kicked.ReadToEndAsync());
        Assert.Equal(DisconnectReason.Kicked, (await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == kicked.Id)).Reason);
        await other.SendLineAsync("still here");
        Assert.Equal("still here", await other.ReadLineAsync());
        Assert.False(chat.Engine.Kick(kicked.Id));
    }

    [Fact]
    public async Task Kick_without_a_reason_says_who()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var kicked = chat.Connect();
        Assert.True(chat.Engine.Kick(kicked.Id));
        Assert.Equal(["* disconnected by the teacher"], await kicked.ReadToEndAsync());
    }

    [Fact]
    public async Task SendTo_reaches_one_client_only()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect();
        var b = chat.Connect();
        Assert.True(chat.Engine.SendTo(b.Id, "psst \u0007b"));
        Assert.Equal(2, chat.Engine.Broadcast("everyone"));
        Assert.Equal("[server] psst b", await b.ReadUntilAsync(l => l.StartsWith('[')));
        Assert.Equal("[server] everyone", await a.ReadUntilAsync(l => l.StartsWith('[')));
        var line = await chat.Events.WaitForAsync<OperatorLine>(e => e.SessionId == b.Id);
        Assert.Equal(("psst b", 1), (line.Text, line.Recipients));
    }

    [Fact]
    public async Task Operator_actions_on_nobody_or_with_nothing_to_say_do_nothing()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect();
        Assert.False(chat.Engine.SendTo(999, "nobody"));
        Assert.False(chat.Engine.SendTo(a.Id, " \t "));
        Assert.Equal(0, chat.Engine.Broadcast("\u001b[2J"));
    }

    [Fact]
    public async Task Switching_mode_closes_every_client_with_a_notice_and_new_clients_join_the_new_mode()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect();
        await chat.Engine.SwitchModeAsync(ChatMode.Echo, "teacher", TestContext.Current.CancellationToken);
        var lines = await a.ReadToEndAsync();
        Assert.Equal("* the server restarts in echo mode; connect again", lines[^1]);
        Assert.Equal(ChatMode.Echo, chat.Engine.Mode);
        var changed = await chat.Events.WaitForAsync<ModeChanged>();
        Assert.Equal((ChatMode.Relay, ChatMode.Echo, "teacher"), (changed.From, changed.To, changed.By));
        Assert.Equal(DisconnectReason.ModeSwitch, (await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == a.Id)).Reason);

        var b = chat.Connect();
        await b.SendLineAsync("echo?");
        Assert.Equal("echo?", await b.ReadLineAsync());
        Assert.True(chat.Engine.IsRunning);
    }

    [Fact]
    public async Task A_client_arret_gives_everyone_the_notice_closes_everyone_and_stops_the_engine()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        var a = chat.Connect("10.0.0.1");
        var b = chat.Connect("10.0.0.2");
        await a.SendLineAsync("Arrêt");
        const string notice = "* arret: the server stops (asked by 10.0.0.1)";
        Assert.Equal(notice, (await a.ReadToEndAsync())[^1]);
        Assert.Equal(notice, (await b.ReadToEndAsync())[^1]);
        await chat.Engine.PendingStop.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(chat.Engine.IsRunning);
        var stopped = await chat.Events.WaitForAsync<EngineStopped>();
        Assert.Equal((StopReason.Arret, "10.0.0.1"), (stopped.Reason, stopped.By));
        Assert.Equal(DisconnectReason.Arret, (await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == b.Id)).Reason);
    }

    [Fact]
    public async Task A_refused_arret_gets_a_notice_and_nothing_stops()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo, o => o.AllowClientArret = false);
        var a = chat.Connect();
        await a.SendLineAsync("arret");
        Assert.Equal("* arret is not allowed on this server", await a.ReadLineAsync());
        await a.SendLineAsync("still talking");
        Assert.Equal("still talking", await a.ReadLineAsync());
        Assert.True(chat.Engine.IsRunning);
        Assert.Equal(ViolationKind.ArretRefused, (await chat.Events.WaitForAsync<ProtocolViolation>()).Kind);
    }

    [Fact]
    public async Task The_operator_can_forbid_client_arret_while_running()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        chat.Engine.AllowClientArret = false;
        var a = chat.Connect();
        await a.SendLineAsync("arret");
        Assert.Equal("* arret is not allowed on this server", await a.ReadLineAsync());
    }

    [Fact]
    public async Task Stopping_the_engine_tells_every_client_and_closes_them()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var clients = Enumerable.Range(0, 5).Select(_ => chat.Connect()).ToList();
        var stopping = chat.Engine.StopAsync(StopReason.Shutdown, "host", TestContext.Current.CancellationToken);
        foreach (var client in clients)
            Assert.Equal(["* the server is shutting down"], await client.ReadToEndAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal((StopReason.Shutdown, "host"), (chat.Engine.LastStop?.Reason, chat.Engine.LastStop?.By));
        Assert.Equal(5, (await chat.Events.WaitForCountAsync<ClientDisconnected>(5, e => e.Reason == DisconnectReason.Shutdown)).Count);
    }
}
