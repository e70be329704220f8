using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary>
/// Through Debian's HAProxy with <c>send-proxy-v2</c>, as a school puts one address in front of its hosts: the relayed
/// IP is the student's, HAProxy's health checks join nothing, and headers from anyone but HAProxy are refused.
/// Students connect from 127.0.0.2 and 127.0.0.3, HAProxy from 127.0.0.1 (the only trusted address).
/// </summary>
public sealed class HaproxyTests
{
    private static readonly string[] ClosedOrReset = ["closed", "reset"];

    [Fact]
    public async Task Through_haproxy_the_room_relays_with_each_students_own_address()
    {
        await using var room = await ProxiedRoom.StartAsync(o => o.ProxyHeaderTimeout = TimeSpan.FromSeconds(5));
        await using var haproxy = Haproxy.Start(room.EndPoint);
        await using var listener = await haproxy.ConnectFromAsync("127.0.0.3");
        await room.Events.WaitForAsync<ClientConnected>(e => e.Ip == "127.0.0.3");
        await using var sender = await haproxy.ConnectFromAsync("127.0.0.2");
        await room.Events.WaitForAsync<ClientConnected>(e => e.Ip == "127.0.0.2");

        await sender.SendLineAsync("bonjour via haproxy");

        Assert.Equal("[127.0.0.2] bonjour via haproxy", await listener.ReadUntilAsync(l => l.StartsWith('[')));
        Assert.Equal(["127.0.0.2", "127.0.0.3"], room.Engine.GetSessions().Select(s => s.Ip).Order().ToArray());
        Assert.Equal(sender.LocalEndPoint.Port, room.Engine.GetSessions().Single(s => s.Ip == "127.0.0.2").Port);
        // HAProxy checks the room every 200 ms with a LOCAL header: closed quietly, never a client of the room.
        await Eventually.HoldsAsync(() => room.Logged(1103).Count >= 2, $"HAProxy's health checks reached the room; haproxy said: {haproxy.Output}");
        Assert.All(room.Logged(1103), r => Assert.Contains("(LOCAL)", r.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(room.Events.Drain(), e => e is ClientConnected { Ip: "127.0.0.1" });
        Assert.Empty(room.Problems);
    }

    [Fact]
    public async Task Beside_haproxy_a_header_from_elsewhere_and_a_bare_connection_from_haproxys_address_are_refused()
    {
        await using var room = await ProxiedRoom.StartAsync();
        await using var haproxy = Haproxy.Start(room.EndPoint);
        await using var listener = await haproxy.ConnectFromAsync("127.0.0.3");
        await using var sender = await haproxy.ConnectFromAsync("127.0.0.2");
        await room.Events.WaitForAsync<ClientConnected>(e => e.Ip == "127.0.0.2");

        var spoofer = await room.ConnectFromAsync("127.0.0.4");
        await spoofer.SendAsync(ProxyHeaders.Then(ProxyHeaders.Tcp4("198.51.100.1", 1, "127.0.0.1", room.EndPoint.Port), "spoofed\n"));
        var bare = await room.ConnectFromAsync("127.0.0.1");
        await bare.SendLineAsync("no header");

        Assert.Contains(await ProxiedRoom.EndOfAsync(spoofer), ClosedOrReset);
        Assert.Equal("reset", await ProxiedRoom.EndOfAsync(bare));
        await Eventually.HoldsAsync(() => room.Logged(1102).Count == 1, "the untrusted header logged");
        Assert.Contains("127.0.0.4", room.Logged(1102)[0].Message, StringComparison.Ordinal);
        Assert.Contains("did not begin with a PROXY protocol v2 header", Assert.Single(room.Logged(1101)).Message, StringComparison.Ordinal);
        // Nothing either of them sent reached the room: the next relayed line is the student's.
        await sender.SendLineAsync("still here");
        Assert.Equal("[127.0.0.2] still here", await listener.ReadUntilAsync(l => l.StartsWith('[')));
    }

    [Fact]
    public void Haproxy_is_installed_for_these_tests()
    {
        Assert.True(Haproxy.Executable() is not null, Haproxy.InstallHint);
    }
}
