using System.Diagnostics;
using System.Net;
using System.Text;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary>
/// A room behind a trusted balancer, over real loopback sockets, with the PROXY headers a balancer sends written by the
/// test: the client's address is the one the room shows and admits; whatever is not a valid header is refused alone.
/// </summary>
public sealed class ProxyProtocolOverTcpTests
{
    private static readonly string[] ClosedOrReset = ["closed", "reset"];

    [Fact]
    public async Task The_room_relays_with_the_address_from_the_balancers_header()
    {
        await using var room = await ProxiedRoom.StartAsync();
        var listener = await room.JoinFromAsync("127.0.0.2");
        var proxied = await room.ConnectFromAsync("127.0.0.1");

        await proxied.SendAsync(ProxyHeaders.Then(ProxyHeaders.Tcp4("203.0.113.7", 40001, "127.0.0.1", room.EndPoint.Port), "bonjour\n"));

        Assert.Equal("[203.0.113.7] bonjour", await listener.ReadUntilAsync(l => l.StartsWith('[')));
        var joined = await room.Events.WaitForAsync<ClientConnected>(e => e.Ip != "127.0.0.2");
        Assert.Equal(("203.0.113.7", 40001), (joined.Ip, joined.Port));
        Assert.Contains(room.Engine.GetSessions(), s => s.Ip == "203.0.113.7");
        Assert.Empty(room.Problems);
    }

    [Fact]
    public async Task A_header_in_pieces_and_an_ipv6_client_are_read_too()
    {
        await using var room = await ProxiedRoom.StartAsync();
        var listener = await room.JoinFromAsync("127.0.0.2");
        var proxied = await room.ConnectFromAsync("127.0.0.1");
        var header = ProxyHeaders.Tcp6("2001:db8::7", 40002, "::1", room.EndPoint.Port, ProxyHeaders.Tlv(0x05, "unique-id"));

        await proxied.SendAsync(header.AsMemory(0, 5));
        await proxied.SendAsync(header.AsMemory(5, 25));
        await proxied.SendAsync(ProxyHeaders.Then(header[30..], "hi\n"));

        Assert.Equal("[2001:db8::7] hi", await listener.ReadUntilAsync(l => l.StartsWith('[')));
    }

    [Fact]
    public async Task Admission_and_bans_see_the_clients_address_not_the_balancers()
    {
        var admission = new BanOne(IPAddress.Parse("203.0.113.66"));
        await using var room = await ProxiedRoom.StartAsync(admission: admission);
        var banned = await room.ConnectFromAsync("127.0.0.1");
        var allowed = await room.ConnectFromAsync("127.0.0.1");

        await banned.SendAsync(ProxyHeaders.Tcp4("203.0.113.66", 1, "127.0.0.1", room.EndPoint.Port));
        await allowed.SendAsync(ProxyHeaders.Tcp4("203.0.113.67", 2, "127.0.0.1", room.EndPoint.Port));

        Assert.Equal(["* banned here"], await banned.ReadToEndAsync());
        Assert.StartsWith("* connected to ChatOps", await allowed.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal(["203.0.113.66", "203.0.113.67"], admission.Seen.Order().ToArray());
    }

    [Theory]
    [InlineData("hello\n", "did not begin with a PROXY protocol v2 header")]
    [InlineData("PROXY TCP4 203.0.113.7 127.0.0.1 40001 7070\r\nhello\n", "v1 (text) header")]
    public async Task A_trusted_address_without_a_v2_header_is_refused_and_nothing_reaches_the_room(string sent, string reason)
    {
        await using var room = await ProxiedRoom.StartAsync();
        var listener = await room.JoinFromAsync("127.0.0.2");
        var bare = await room.ConnectFromAsync("127.0.0.1");

        await bare.SendAsync(Encoding.ASCII.GetBytes(sent));

        Assert.Equal("reset", await ProxiedRoom.EndOfAsync(bare));
        var logged = Assert.Single(room.Logged(1101));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains(reason, logged.Message, StringComparison.Ordinal);
        await AssertNextRelayedIsOnlyAsync(room, listener);
    }

    [Theory]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x11, 0x11, 0, 12 }, "version other than 2")]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x51, 0, 12 }, "unknown address family")]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x11, 0xFF, 0xFF }, "longer than 4096 bytes")]
    public async Task A_malformed_header_is_refused_at_once(byte[] sent, string reason)
    {
        await using var room = await ProxiedRoom.StartAsync(o => o.ProxyHeaderTimeout = TimeSpan.FromSeconds(30));
        var bad = await room.ConnectFromAsync("127.0.0.1");
        var clock = Stopwatch.StartNew();

        await bad.SendAsync(sent);

        Assert.Equal("reset", await ProxiedRoom.EndOfAsync(bad));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"refused after {clock.Elapsed}: it waited instead of reading the bytes it had");
        Assert.Contains(reason, Assert.Single(room.Logged(1101)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_connection_that_sends_no_header_is_refused_after_the_timeout()
    {
        await using var room = await ProxiedRoom.StartAsync();
        var silent = await room.ConnectFromAsync("127.0.0.1");
        var clock = Stopwatch.StartNew();

        Assert.Equal("reset", await ProxiedRoom.EndOfAsync(silent));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Contains("Chat:ProxyHeaderTimeout", Assert.Single(room.Logged(1101)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_check_is_closed_quietly_without_joining_the_room()
    {
        await using var room = await ProxiedRoom.StartAsync();
        var check = await room.ConnectFromAsync("127.0.0.1");
        var closesSilently = await room.ConnectFromAsync("127.0.0.1");

        await check.SendAsync(ProxyHeaders.Local());
        closesSilently.ShutdownSend();

        Assert.Equal("closed", await ProxiedRoom.EndOfAsync(check));
        Assert.Equal("closed", await ProxiedRoom.EndOfAsync(closesSilently));
        await Eventually.HoldsAsync(() => room.Logged(1103).Count == 2, "two health checks logged");
        Assert.Empty(room.Problems);
        Assert.DoesNotContain(room.Events.Drain(), e => e is ClientConnected);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_header_from_an_untrusted_address_is_refused_and_never_read_as_chat(bool anyTrusted)
    {
        await using var room = await ProxiedRoom.StartAsync(o => o.TrustedProxies = anyTrusted ? ["127.0.0.1"] : []);
        var listener = await room.JoinFromAsync("127.0.0.2");
        var spoofer = await room.ConnectFromAsync("127.0.0.3");

        await spoofer.SendAsync(ProxyHeaders.Then(ProxyHeaders.Tcp4("198.51.100.1", 1, "127.0.0.1", room.EndPoint.Port), "spoofed\n"));

        // Closed after its welcome; a reset when the rest of its bytes were still unread, which is as much a refusal.
        Assert.Contains(await ProxiedRoom.EndOfAsync(spoofer), ClosedOrReset);
        var violation = await room.Events.WaitForAsync<ProtocolViolation>(v => v.Kind == ViolationKind.Refused);
        Assert.Equal("127.0.0.3", violation.Ip);
        await Eventually.HoldsAsync(() => room.Logged(1102).Count == 1, "the refusal logged");
        Assert.Contains("127.0.0.3", room.Logged(1102)[0].Message, StringComparison.Ordinal);
        if (anyTrusted)
            await AssertNextRelayedIsOnlyAsync(room, listener);
        else
            await AssertNextRelayedIsAsync(listener, await room.JoinFromAsync("127.0.0.4"), "[127.0.0.4]");
    }

    [Fact]
    public async Task Stopping_the_room_ends_a_header_still_awaited_at_once()
    {
        await using var room = await ProxiedRoom.StartAsync(o => o.ProxyHeaderTimeout = TimeSpan.FromSeconds(60));
        var waiting = await room.ConnectFromAsync("127.0.0.1");
        await waiting.SendAsync(ProxyHeaders.Signature.AsMemory(0, 6));
        var clock = Stopwatch.StartNew();

        await room.Engine.StopAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the stop took {clock.Elapsed}");
        Assert.Equal("reset", await ProxiedRoom.EndOfAsync(waiting));
        Assert.Empty(room.Problems);
    }

    // A line from a proxied client is the next one the listener gets: nothing the refused connection sent came before it.
    private static async Task AssertNextRelayedIsOnlyAsync(ProxiedRoom room, TcpTestClient listener)
    {
        var marker = await room.ConnectFromAsync("127.0.0.1");
        await marker.SendAsync(ProxyHeaders.Tcp4("203.0.113.99", 9, "127.0.0.1", room.EndPoint.Port));
        await AssertNextRelayedIsAsync(listener, marker, "[203.0.113.99]");
    }

    private static async Task AssertNextRelayedIsAsync(TcpTestClient listener, TcpTestClient sender, string prefix)
    {
        await sender.SendLineAsync("marker");
        Assert.Equal($"{prefix} marker", await listener.ReadUntilAsync(l => l.StartsWith('[')));
    }

    private sealed class BanOne(IPAddress banned) : IConnectionAdmission
    {
        private readonly List<string> _seen = [];

        public IReadOnlyList<string> Seen
        {
            get
            {
                lock (_seen)
                    return [.. _seen];
            }
        }

        public string? Refuse(IPAddress address, Notices notices)
        {
            lock (_seen)
                _seen.Add(address.ToString());
            return address.Equals(banned) ? "* banned here" : null;
        }
    }
}
