using System.Net;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Tests.Protocol;

public sealed class IpTextTests
{
    [Theory]
    [InlineData("::ffff:10.0.0.5", "10.0.0.5")]
    [InlineData("::ffff:192.168.1.23", "192.168.1.23")]
    [InlineData("10.0.0.5", "10.0.0.5")]
    [InlineData("fe80::1", "fe80::1")]
    [InlineData("::1", "::1")]
    public void Addresses_are_shown_as_people_read_them(string address, string shown)
    {
        Assert.Equal(shown, IpText.Format(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_mapped_address_normalizes_to_the_same_IPv4_address()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.5"), IpText.Normalize(IPAddress.Parse("::ffff:10.0.0.5")));
    }
}
