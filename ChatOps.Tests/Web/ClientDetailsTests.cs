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

    [Fact]
    public async Task The_byte_view_shows_what_the_program_wrote_with_the_protocol_bytes_marked_and_never_as_markup()
    {
        await using var client = await ConnectAsync();
        var details = Render<ClientDetails>(p => p.Add(d => d.SessionId, SessionIdOf(client)));

        await client.SendAsync((byte[])[.. "<b>x</b>"u8, 0, (byte)'\r', (byte)'\n']);

        details.WaitForAssertion(() =>
        {
            var received = details.FindAll(".byte-chunk.received .byte-row");
            Assert.Contains(received, r => r.QuerySelector(".byte-hex")!.TextContent.StartsWith("3c 62 3e 78 3c 2f 62 3e 00 0d 0a", StringComparison.Ordinal));
            Assert.Contains(details.FindAll(".byte-chunk.received .byte-text"), t => t.TextContent == @"<b>x</b>\0\r\n");
            Assert.Equal([@"\0", @"\r", @"\n"], details.FindAll(".byte-chunk.received .byte-mark").Select(m => m.TextContent));
            Assert.Empty(details.FindAll(".byte-view b"));
        }, LineReader.DefaultTimeout);
    }
}
