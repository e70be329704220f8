using System.Globalization;
using Bunit;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;

namespace ChatOps.Tests.Web;

public sealed class StatusBarTests : DashboardTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    [Fact]
    public void Shows_running_mode_port_and_how_students_connect()
    {
        var status = Render<StatusBar>();

        status.WaitForAssertion(() => Assert.Equal("running", status.Find("#engine-state").TextContent.Trim()), Timeout);
        Assert.StartsWith("relay", status.Find("#stat-mode").TextContent, StringComparison.Ordinal);
        var port = Live.EndPoint.Port.ToString(CultureInfo.InvariantCulture);
        Assert.StartsWith(port, status.Find("#stat-port").TextContent, StringComparison.Ordinal);
        Assert.Contains($"nc 127.0.0.1 {port}", status.Find("#connect-hints").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_clients_and_lines_per_second_live()
    {
        var status = Render<StatusBar>();
        await using var a = await ConnectAsync();
        await using var b = await ConnectAsync();
        for (var i = 0; i < 10; i++)
            await a.SendLineAsync($"line {i}");

        status.WaitForAssertion(() =>
        {
            Assert.StartsWith("2", status.Find("#stat-clients .stat-value").TextContent, StringComparison.Ordinal);
            // Ten lines over the five-second window: 2 lines/s.
            Assert.Equal("2.0", status.Find("#stat-rate .stat-value").TextContent);
        }, Timeout);
    }
}

public sealed class ClientArretSwitchTests : DashboardTest
{
    [Fact]
    public async Task Shows_and_sets_whether_clients_may_send_arret()
    {
        var toggle = Render<ClientArretSwitch>();
        Assert.True(Engine.AllowClientArret);
        Assert.True(toggle.Find("input[type=checkbox]").HasAttribute("checked"));

        await toggle.InvokeAsync(() => toggle.Find("input[type=checkbox]").Change(false));

        Assert.False(Engine.AllowClientArret);
        Assert.False(toggle.Find("input[type=checkbox]").HasAttribute("checked"));
    }
}
