using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Rooms;

/// <summary>Several rooms in one host (Chat:Rooms), each its own exercise on its own port, over real loopback sockets.</summary>
public sealed class RoomsOverTcpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_room_plays_its_own_exercise_and_events_name_their_room()
    {
        await using var rooms = await RoomsHost.StartAsync(("ex1", ChatMode.Echo), ("ex3", ChatMode.Relay));
        var echo = await rooms.ConnectJoinedAsync("ex1");
        var relayA = await rooms.ConnectJoinedAsync("ex3");
        var relayB = await rooms.ConnectJoinedAsync("ex3");
        await relayA.ReadUntilAsync(l => l.Contains("joined", StringComparison.Ordinal)); // B's arrival, announced to A

        await echo.SendLineAsync("écho");
        Assert.Equal("écho", await echo.ReadLineAsync());
        await relayA.SendLineAsync("salut");
        Assert.Equal("[127.0.0.1] salut", await relayB.ReadUntilAsync(l => l.EndsWith("salut", StringComparison.Ordinal)));

        var received = await rooms.Events.WaitForCountAsync<LineReceived>(2);
        Assert.Equal(["ex1", "ex3"], received.Select(e => e.Room).Order(StringComparer.Ordinal));
        var connected = rooms.Events.Seen.OfType<ClientConnected>().ToList();
        Assert.Equal(3, connected.Select(c => c.SessionId).Distinct().Count());
        Assert.Equal(["ex1", "ex3", "ex3"], connected.Select(c => c.Room).Order(StringComparer.Ordinal));
        Assert.Equal(["ex1", "ex3", "ex3"], rooms.Server.GetSessions().Select(s => s.Room).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Switching_one_rooms_mode_leaves_the_other_rooms_clients_connected()
    {
        await using var rooms = await RoomsHost.StartAsync(("ex1", ChatMode.Echo), ("ex2", ChatMode.Echo));
        var switched = await rooms.ConnectJoinedAsync("ex1");
        var staying = await rooms.ConnectJoinedAsync("ex2");

        await rooms.Server.Room("ex1")!.SwitchModeAsync(ChatMode.Relay, "teacher", Ct);

        Assert.Equal(Notices.English.ModeChanged(ChatMode.Relay), (await switched.ReadToEndAsync())[^1]);
        await staying.SendLineAsync("still here");
        Assert.Equal("still here", await staying.ReadLineAsync());
        Assert.Equal(ChatMode.Echo, rooms.Server.Room("ex2")!.Mode);
        var changed = await rooms.Events.WaitForAsync<ModeChanged>();
        Assert.Equal("ex1", changed.Room);
    }

    [Fact]
    public async Task A_clients_arret_stops_its_own_room_by_default_and_the_others_keep_serving()
    {
        await using var rooms = await RoomsHost.StartAsync(("ex1", ChatMode.Echo), ("ex3", ChatMode.Relay));
        var stopper = await rooms.ConnectJoinedAsync("ex3");
        var other = await rooms.ConnectJoinedAsync("ex1");
        var ex3 = rooms.Server.Room("ex3")!;
        var ex3Port = ex3.LocalEndPoint!.Port;

        await stopper.SendLineAsync("arret");

        Assert.Equal(Notices.English.Arret("127.0.0.1"), (await stopper.ReadToEndAsync())[^1]);
        var stopped = await rooms.Events.WaitForAsync<EngineStopped>();
        Assert.Equal("ex3", stopped.Room);
        Assert.False(ex3.IsRunning);
        Assert.True(rooms.Server.Room("ex1")!.IsRunning);
        await other.SendLineAsync("encore");
        Assert.Equal("encore", await other.ReadLineAsync());
        var refused = await Assert.ThrowsAsync<SocketException>(() => TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, ex3Port)));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task With_the_server_scope_a_clients_arret_stops_every_room_and_every_client_gets_the_notice()
    {
        await using var rooms = await RoomsHost.StartAsync(o => o.ArretScope = ArretScope.Server, ("ex1", ChatMode.Echo), ("ex3", ChatMode.Relay));
        var stopper = await rooms.ConnectJoinedAsync("ex3");
        var other = await rooms.ConnectJoinedAsync("ex1");

        await stopper.SendLineAsync("arret");

        Assert.Equal(Notices.English.Arret("127.0.0.1"), (await stopper.ReadToEndAsync())[^1]);
        Assert.Equal(Notices.English.Arret("127.0.0.1"), (await other.ReadToEndAsync())[^1]);
        var stops = await rooms.Events.WaitForCountAsync<EngineStopped>(2);
        Assert.Equal(["ex1", "ex3"], stops.Select(s => s.Room).Order(StringComparer.Ordinal));
        Assert.All(stops, s => Assert.Equal(StopReason.Arret, s.Reason));
        Assert.False(rooms.Server.IsRunning);
    }

    [Fact]
    public async Task A_port_in_use_starts_no_room_and_names_the_rooms_key()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var busy = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var options = TestOptions.For(ChatMode.Relay, o =>
        {
            o.Rooms["a"] = new RoomOptions { Port = 0 };
            o.Rooms["b"] = new RoomOptions { Port = busy };
        });
        await using var server = new ChatServer(Microsoft.Extensions.Options.Options.Create(options));
        using var events = new EventLog(server.Events);

        var failure = await Assert.ThrowsAsync<ChatEngineStartException>(() => server.StartAsync(Ct));

        Assert.Contains($"Chat:Rooms:b:Port {busy}", failure.Message, StringComparison.Ordinal);
        Assert.All(server.Rooms, r => Assert.False(r.IsRunning));
        Assert.Empty(events.Drain().OfType<EngineStarted>());
    }

    [Theory]
    [InlineData("echo", "bonjour", "bonjour")]
    [InlineData("text:Bien reçu", "bonjour", "Bien reçu")]
    public async Task A_sync_room_with_an_auto_reply_answers_the_served_client_at_once(string autoReply, string line, string expected)
    {
        await using var rooms = await RoomsHost.StartAsync(o => o.AutoReply = autoReply, ("ex2", ChatMode.Sync));
        var client = await rooms.ConnectJoinedAsync("ex2");

        await client.SendLineAsync(line);

        Assert.Equal(expected, await client.ReadLineAsync());
        var answered = await rooms.Events.WaitForAsync<OperatorLine>();
        Assert.Equal(AutoReply.ActorName, answered.By);
        Assert.Null(rooms.Server.Room("ex2")!.PendingReply);
    }

    [Fact]
    public async Task Turning_the_auto_reply_on_answers_the_line_that_waits_and_off_gives_the_teacher_the_next()
    {
        await using var rooms = await RoomsHost.StartAsync(("ex2", ChatMode.Sync));
        var room = rooms.Server.Room("ex2")!;
        var client = await rooms.ConnectJoinedAsync("ex2");
        await client.SendLineAsync("question 1");
        await rooms.Events.WaitForAsync<ReplyAwaited>();

        room.AutoReply = AutoReply.Echo;
        Assert.Equal("question 1", await client.ReadLineAsync());

        room.AutoReply = AutoReply.Off;
        await client.SendLineAsync("question 2");
        var awaited = await rooms.Events.WaitForAsync<ReplyAwaited>(r => r.Text == "question 2");
        Assert.Equal("ex2", awaited.Room);
        Assert.True(room.Reply("réponse du prof", "teacher"));
        Assert.Equal("réponse du prof", await client.ReadLineAsync());
    }

    [Fact]
    public async Task An_async_room_with_an_auto_reply_still_delivers_the_teachers_lines()
    {
        await using var rooms = await RoomsHost.StartAsync(o => o.AutoReply = "text:ok", ("ex2b", ChatMode.Async));
        var room = rooms.Server.Room("ex2b")!;
        var client = await rooms.ConnectJoinedAsync("ex2b");
        Assert.Equal(Notices.English.Welcome(ChatMode.Async, 0), await client.ReadLineAsync());

        await client.SendLineAsync("ping");
        Assert.Equal("ok", await client.ReadLineAsync());
        var id = room.GetSessions().Single().Id;
        Assert.True(room.SendTo(id, "message du prof", "teacher"));
        Assert.Equal("message du prof", await client.ReadLineAsync());
    }
}
