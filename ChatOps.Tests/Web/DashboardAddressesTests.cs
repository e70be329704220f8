using System.Net;
using ChatOps.Web.Hosting;

namespace ChatOps.Tests.Web;

/// <summary>The addresses the terminal prints for the dashboard: ones a browser can open, never 0.0.0.0.</summary>
public sealed class DashboardAddressesTests
{
    private static readonly IPAddress[] Lan = [IPAddress.Parse("192.168.1.23"), IPAddress.Parse("10.0.0.5")];

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    public void Every_interface_becomes_localhost_and_the_lan_addresses(string bound) =>
        Assert.Equal(["http://localhost:5080", "http://192.168.1.23:5080", "http://10.0.0.5:5080"], DashboardAddresses.ForPeople([bound], Lan));

    [Fact]
    public void Specific_addresses_stay_as_they_are_and_repeats_go()
    {
        Assert.Equal(
            ["http://127.0.0.1:5080", "http://localhost:5080", "http://192.168.1.23:5080", "http://10.0.0.5:5080"],
            DashboardAddresses.ForPeople(["http://127.0.0.1:5080", "http://0.0.0.0:5080", "http://[::]:5080"], Lan));
    }

    [Fact]
    public void An_ipv6_lan_address_gets_brackets() =>
        Assert.Equal(["http://localhost:80", "http://[fd00::7]:80"], DashboardAddresses.ForPeople(["http://[::]:80"], [IPAddress.Parse("fd00::7")]));
}
