using System.Net;
using ChatOps.TcpEngine;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

public sealed class DualModeTests
{
    [Fact]
    public async Task On_the_dual_mode_listener_an_IPv4_client_is_shown_as_plain_IPv4()
    {
        // BindAddress * listens on IPv6 with IPv4 mapped: an IPv4 peer arrives as ::ffff:127.0.0.1.
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o => o.BindAddress = "*");
        var port = chat.EndPoint.Port;
        await using var a = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await using var b = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        Assert.Equal("* 127.0.0.1 joined", await a.ReadUntilAsync(l => l.EndsWith("joined", StringComparison.Ordinal)));
        await b.SendLineAsync("mapped");
        Assert.Equal("[127.0.0.1] mapped", await a.ReadUntilAsync(l => l.StartsWith('[')));
        Assert.All(chat.Engine.GetSessions(), s => Assert.Equal("127.0.0.1", s.Ip));
    }
}
