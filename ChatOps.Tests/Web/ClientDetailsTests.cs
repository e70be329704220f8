using Bunit;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;

namespace ChatOps.Tests.Web;

public sealed class ClientDetailsTests : DashboardTest
{
    [Fact]
    public void Invites_to_select_a_client_when_none_is()
    {
        var details = Render<ClientDetails>();

        Assert.Contains("Select a client", details.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_diagnostics_and_the_last_lines_of_the_selected_client_only()
    {
        await using var other = await ConnectAsync();
        await using var selected = await ConnectAsync();
        var details = Render<ClientDetails>(p => p.Add(d => d.SessionId, SessionIdOf(selected)));

        await other.SendLineAsync("not mine");
        await selected.SendAsync("mine\r\n"u8.ToArray());

        details.WaitForAssertion(() =>
        {
            var lines = details.FindAll(".recent-lines .text").Select(e => e.TextContent).ToList();
            Assert.Equal(["mine"], lines);
            Assert.Contains("CRLF", details.Find(".diagnostics").TextContent, StringComparison.Ordinal);
        }, LineReader.DefaultTimeout);
    }
}
