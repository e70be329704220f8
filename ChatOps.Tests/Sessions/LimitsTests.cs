using ChatOps.Tests.Support;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;

namespace ChatOps.Tests.Sessions;

public sealed class LimitsTests
{
    [Fact]
    public async Task A_line_too_long_is_dropped_with_a_notice_and_the_next_line_goes_through()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo, o => o.MaxLineBytes = 16);
        var client = chat.Connect();
        await client.SendLineAsync(new string('x', 17));
        await client.SendLineAsync("sixteen bytes ok");
        Assert.Equal("* line dropped: longer than 16 bytes", await client.ReadLineAsync());
        Assert.Equal("sixteen bytes ok", await client.ReadLineAsync());
        var violation = await chat.Events.WaitForAsync<ProtocolViolation>();
        Assert.Equal(ViolationKind.LineTooLong, violation.Kind);
    }

    [Fact]
    public async Task Past_MaxClients_a_connection_gets_a_notice_and_is_closed()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo, o => o.MaxClients = 2);
        var a = chat.Connect();
        chat.Connect();
        var third = chat.Connect();
        Assert.Equal(["* server full (2 clients); try again later"], await third.ReadToEndAsync());
        var refused = await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == third.Id);
        Assert.Equal(DisconnectReason.Limit, refused.Reason);
        Assert.Equal(ViolationKind.ServerFull, (await chat.Events.WaitForAsync<ProtocolViolation>(e => e.SessionId == third.Id)).Kind);

        await a.CloseAsync();
        await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == a.Id);
        var fourth = chat.Connect();
        await fourth.SendLineAsync("room again");
        Assert.Equal("room again", await fourth.ReadLineAsync());
    }

    [Fact]
    public async Task Past_MaxClientsPerIp_a_connection_from_that_address_gets_a_notice_and_others_still_join()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo, o => o.MaxClientsPerIp = 2);
        chat.Connect("10.9.9.9");
        chat.Connect("::ffff:10.9.9.9");
        var third = chat.Connect("10.9.9.9");
        Assert.Equal(["* too many connections from 10.9.9.9 (at most 2)"], await third.ReadToEndAsync());
        Assert.Equal(ViolationKind.TooManyFromIp, (await chat.Events.WaitForAsync<ProtocolViolation>(e => e.SessionId == third.Id)).Kind);

        var neighbour = chat.Connect("10.9.9.10");
        await neighbour.SendLineAsync("fine");
        Assert.Equal("fine", await neighbour.ReadLineAsync());
        Assert.Equal(3, chat.Engine.ClientCount);
    }

    [Fact]
    public async Task Loopback_is_exempt_from_the_per_ip_limit()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo, o => o.MaxClientsPerIp = 1);
        var clients = Enumerable.Range(0, 3).Select(_ => chat.Connect("127.0.0.1")).ToList();
        foreach (var client in clients)
        {
            await client.SendLineAsync("local");
            Assert.Equal("local", await client.ReadLineAsync());
        }
    }

    [Fact]
    public async Task A_slot_from_an_address_is_given_back_when_its_client_leaves()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo, o => o.MaxClientsPerIp = 1);
        var first = chat.Connect("10.9.9.9");
        await first.CloseAsync();
        await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == first.Id);
        var second = chat.Connect("10.9.9.9");
        await second.SendLineAsync("my turn");
        Assert.Equal("my turn", await second.ReadLineAsync());
    }
}
