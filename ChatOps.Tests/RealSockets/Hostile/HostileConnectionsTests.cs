using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets.Hostile;

/// <summary>Connections that misbehave: the engine stays up, the others keep talking, memory stays bounded.</summary>
[Collection(nameof(HeavySockets))]
public sealed class HostileConnectionsTests
{
    [Fact]
    public async Task Connections_that_never_send_cost_little_and_hurt_nobody()
    {
        await using var room = await HostileRoom.StartAsync();
        var memory = new MemoryProbe();
        var idle = new List<TcpTestClient>();
        for (var i = 0; i < 50; i++)
            idle.Add(await room.Chat.ConnectAsync());
        await room.Chat.Events.WaitForCountAsync<ClientConnected>(52);
        await room.AssertOthersStillTalkAsync();
        memory.AssertGrewLessThan(16, "50 idle connections");

        foreach (var client in idle)
            await client.DisposeAsync();
        // 50 idle ones and the newcomer of the talk check.
        await room.Chat.Events.WaitForCountAsync<ClientDisconnected>(51, e => e.Reason == DisconnectReason.ClosedByPeer);
        Assert.Equal(2, room.Chat.Engine.ClientCount);
    }

    [Fact]
    public async Task A_storm_of_connect_and_reset_leaves_no_trace()
    {
        await using var room = await HostileRoom.StartAsync();
        var memory = new MemoryProbe();
        for (var batch = 0; batch < 10; batch++)
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            {
                var client = await TcpTestClient.ConnectAsync(room.Chat.EndPoint);
                client.Reset();
                await client.DisposeAsync();
            }));
        }
        await room.AssertOthersStillTalkAsync();
        // Resets that beat the accept leave no event, so the count itself is watched.
        await Eventually.HoldsAsync(() => room.Chat.Engine.ClientCount == 2, $"back to 2 clients (now {room.Chat.Engine.ClientCount})");
        memory.AssertGrewLessThan(16, "200 connect-and-reset");
    }

    [Fact]
    public async Task More_connections_than_MaxClientsPerIp_from_a_lan_address_are_refused_with_a_notice()
    {
        var addresses = ConnectHints.LanAddresses();
        if (addresses.Count == 0)
            Assert.Skip("this machine has no non-loopback IPv4 address to connect from");
        var lan = addresses[0];
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o =>
        {
            o.BindAddress = lan.ToString();
            o.MaxClientsPerIp = 3;
        });
        var admitted = new List<TcpTestClient>();
        for (var i = 0; i < 3; i++)
            admitted.Add(await chat.ConnectJoinedAsync());
        var refused = await chat.ConnectAsync(from: lan);

        Assert.Equal([$"* too many connections from {lan} (at most 3)"], await refused.ReadToEndAsync());
        await admitted[0].SendLineAsync("still fine");
        Assert.Equal($"[{lan}] still fine", await admitted[2].ReadUntilAsync(l => l.StartsWith('[')));
        Assert.Equal(3, chat.Engine.ClientCount);
    }

    [Fact]
    public async Task Loopback_connections_are_exempt_from_the_per_ip_limit()
    {
        await using var room = await HostileRoom.StartAsync(o => o.MaxClientsPerIp = 2);
        for (var i = 0; i < 10; i++)
            await room.Chat.ConnectJoinedAsync();
        Assert.Equal(12, room.Chat.Engine.ClientCount);
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task Past_MaxClients_a_newcomer_gets_a_notice_and_is_closed()
    {
        await using var room = await HostileRoom.StartAsync(o => o.MaxClients = 3);
        await room.OffenderAsync();
        await using var extra = await TcpTestClient.ConnectAsync(room.Chat.EndPoint);
        Assert.Equal(["* server full (3 clients); try again later"], await extra.ReadToEndAsync());
        await room.A.SendLineAsync("we are three");
        Assert.Equal("[127.0.0.1] we are three", await room.B.ReadUntilAsync(l => l.StartsWith('[')));
    }

    [Fact]
    public async Task Clients_that_never_read_are_cut_and_their_queues_do_not_pile_up()
    {
        await using var room = await HostileRoom.StartAsync(o =>
        {
            o.MaxQueuedLines = 64;
            o.MaxLineBytes = 64 * 1024;
        });
        var memory = new MemoryProbe();
        var stuck = new List<int>();
        for (var i = 0; i < 3; i++)
            stuck.Add((await room.Chat.ConnectAsync(receiveBuffer: 4096)).LocalEndPoint.Port);
        await room.Chat.Events.WaitForCountAsync<ClientConnected>(5);

        var text = new string('n', 32 * 1024);
        for (var sent = 0; sent < 1000 && room.Chat.Engine.ClientCount > 2; sent++)
        {
            room.Chat.Engine.Broadcast($"{sent} {text}");
            Assert.EndsWith(text, await room.A.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.EndsWith(text, await room.B.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
        var cut = room.Chat.Events.Drain().OfType<ClientDisconnected>().Where(e => stuck.Contains(e.Port)).ToList();
        Assert.Equal(3, cut.Count);
        Assert.All(cut, e => Assert.Equal(DisconnectReason.TooSlow, e.Reason));
        memory.AssertGrewLessThan(32, "3 clients that never read");
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task A_client_closing_half_way_through_a_line_relays_nothing_of_it()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        var port = offender.LocalEndPoint.Port;
        await offender.SendAsync("half a li"u8.ToArray());
        await Eventually.HoldsAsync(() => room.Chat.Engine.GetSessions().Single(s => s.Port == port).UnfinishedBytes == 9, "9 bytes held");
        offender.ShutdownSend();

        var gone = await room.Chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port);
        Assert.Equal(DisconnectReason.ClosedByPeer, gone.Reason);
        var violation = await room.Chat.Events.WaitForAsync<ProtocolViolation>(e => e.SessionId == gone.SessionId);
        Assert.Equal(ViolationKind.UnfinishedLineAtClose, violation.Kind);
        var seen = await room.B.ReadThroughAsync(l => l == "* 127.0.0.1 left");
        Assert.DoesNotContain(seen, l => l.Contains("half", StringComparison.Ordinal));
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task A_client_reset_half_way_through_a_line_relays_nothing_of_it()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        var port = offender.LocalEndPoint.Port;
        await offender.SendAsync("cut in the mid"u8.ToArray());
        offender.Reset();

        await room.Chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port);
        var seen = await room.B.ReadThroughAsync(l => l == "* 127.0.0.1 left");
        Assert.DoesNotContain(seen, l => l.Contains("cut in", StringComparison.Ordinal));
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task A_connection_to_a_stopped_engine_is_refused()
    {
        var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var endpoint = chat.EndPoint;
        await chat.DisposeAsync();
        var error = await Assert.ThrowsAsync<SocketException>(() => TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, endpoint.Port)));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }
}
