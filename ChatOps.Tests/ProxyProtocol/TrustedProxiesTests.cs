using System.Net;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.ProxyProtocol;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary><c>Chat:TrustedProxies</c>: addresses and CIDR networks, checked at start with a message naming the entry.</summary>
public sealed class TrustedProxiesTests
{
    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5", true)]
    [InlineData("10.0.0.5", "10.0.0.6", false)]
    [InlineData("10.0.0.0/24", "10.0.0.200", true)]
    [InlineData("10.0.0.0/24", "10.0.1.1", false)]
    [InlineData(" 127.0.0.1 ", "::ffff:127.0.0.1", true)]      // a dual-mode listener's view of an IPv4 peer
    [InlineData("::ffff:10.0.0.5", "10.0.0.5", true)]
    [InlineData("fd00::/64", "fd00::1234", true)]
    [InlineData("fd00::/64", "fd00:0:0:1::1", false)]
    [InlineData("fd00::5", "10.0.0.5", false)]
    [InlineData("0.0.0.0/0", "198.51.100.1", true)]
    public void An_address_is_trusted_when_an_entry_covers_it(string entry, string address, bool trusted)
    {
        var proxies = TrustedProxies.Parse([entry]);

        Assert.Equal(trusted, proxies.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void No_entry_trusts_nobody()
    {
        var proxies = TrustedProxies.Parse([]);

        Assert.True(proxies.IsEmpty);
        Assert.False(proxies.Contains(IPAddress.Loopback));
    }

    [Theory]
    [InlineData("")]
    [InlineData("balancer.example.org")]
    [InlineData("10.0.0.1/24")]     // host bits past the prefix: 10.0.0.0/24 was meant, or 10.0.0.1 alone
    [InlineData("10.0.0.0/33")]
    [InlineData("300.1.1.1")]
    [InlineData("10.0.0.5, 10.0.0.6")]
    public void Entries_that_are_neither_an_address_nor_a_network_stop_the_start_naming_the_key(string entry)
    {
        var errors = ChatOptionsValidator.Errors(new ChatOptions { TrustedProxies = ["10.0.0.5", entry] }).ToList();

        var error = Assert.Single(errors);
        Assert.StartsWith("Chat:TrustedProxies:1 must be an IP address", error, StringComparison.Ordinal);
        Assert.Contains($"(got '{entry}')", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TrustedProxies.Parse(["10.0.0.5", entry]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(61_000)]
    public void The_header_timeout_is_checked_at_start(int milliseconds)
    {
        var errors = ChatOptionsValidator.Errors(new ChatOptions { ProxyHeaderTimeout = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.StartsWith("Chat:ProxyHeaderTimeout must be between", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid_and_trust_nobody()
    {
        var options = new ChatOptions();

        Assert.Empty(ChatOptionsValidator.Errors(options));
        Assert.Empty(options.TrustedProxies);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ProxyHeaderTimeout);
    }
}
