using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
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
        const int limit = 256 * 1024;
        await using var room = await HostileRoom.StartAsync(o =>
        {
            o.MaxQueuedBytes = limit;
            o.StalledReaderTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxLineBytes = 64 * 1024;
        });
        var stuck = new List<int>();
        for (var i = 0; i < 3; i++)
            stuck.Add((await room.Chat.ConnectAsync(receiveBuffer: 4096)).LocalEndPoint.Port);
        await room.Chat.Events.WaitForCountAsync<ClientConnected>(5);

        // The kernel's buffers fill first, then the queues, which drain nothing: each is cut StalledReaderTimeout later.
        var text = new string('n', 32 * 1024);
        var cut = new List<ClientDisconnected>();
        for (var sent = 0; sent < 1000 && cut.Count < stuck.Count; sent++)
        {
            room.Chat.Engine.Broadcast($"{sent} {text}");
            Assert.EndsWith(text, await room.A.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.EndsWith(text, await room.B.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)), StringComparison.Ordinal);
            cut = [.. room.Chat.Events.Drain().OfType<ClientDisconnected>().Where(e => stuck.Contains(e.Port))];
        }
        Assert.Equal(stuck.Order(), cut.Select(e => e.Port).Order());
        Assert.All(cut, e => Assert.Equal(DisconnectReason.TooSlow, e.Reason));
        // What the engine still holds for its clients: the two readers' last lines at most, nothing of the three cut ones.
        // (The engine's own count, not the heap: the heap is the whole test process's, other tests' included.)
        Assert.True(room.Chat.Engine.GetSessions().Sum(s => s.QueuedBytes) < limit, "queued bytes were kept after the cuts");
        await room.AssertOthersStillTalkAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_strict_lines_a_client_leaving_half_way_through_a_line_relays_nothing_and_the_drop_is_reported(bool reset)
    {
        await using var room = await HostileRoom.StartAsync(o => o.Framing = FramingMode.Lines);
        var offender = await room.OffenderAsync();
        var port = offender.LocalEndPoint.Port;
        await offender.SendAsync("half a li"u8.ToArray());
        await Eventually.HoldsAsync(() => room.Chat.Engine.GetSessions().Single(s => s.Port == port).UnfinishedBytes == 9, "9 bytes held");
        if (reset)
            offender.Reset();
        else
            offender.ShutdownSend();

        var violation = await room.Chat.Events.WaitForAsync<ProtocolViolation>(e => e.Kind == ViolationKind.UnfinishedLineAtClose);
        Assert.Equal($"9 bytes without a newline were dropped when the connection {(reset ? "was reset" : "closed")}", violation.Detail);
        if (!reset)
            await offender.DisposeAsync();
        var gone = await room.Chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port);
        Assert.Equal(DisconnectReason.ClosedByPeer, gone.Reason);
        var seen = await room.B.ReadThroughAsync(l => l == "* 127.0.0.1 left");
        Assert.DoesNotContain(seen, l => l.Contains("half", StringComparison.Ordinal));
        await room.AssertOthersStillTalkAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_message_without_newline_followed_by_a_close_or_a_reset_is_delivered_as_recv_would_see_it(bool reset)
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        var port = offender.LocalEndPoint.Port;
        await offender.SendAsync("dernier mot"u8.ToArray());
        if (reset)
            offender.Reset();
        else
            await offender.DisposeAsync();

        Assert.Equal(DisconnectReason.ClosedByPeer, (await room.Chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port)).Reason);
        var seen = await room.B.ReadThroughAsync(l => l == "* 127.0.0.1 left");
        Assert.Equal(["[127.0.0.1] dernier mot", "* 127.0.0.1 left"], seen[^2..]);
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
