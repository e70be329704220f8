using Bunit;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Pages;

namespace ChatOps.Tests.Web;

public sealed class HistoryPageTests : HistoryPageTest
{
    private const string Script = "<script>alert('x')</script><b>bold</b>";
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    [Fact]
    public async Task Lists_the_lab_session_and_shows_its_lines_as_text_with_search()
    {
        await using var client = await TcpTestClient.ConnectAsync(Host.Engine.LocalEndPoint!);
        await HistoryWait.SendAndStoreAsync(Host.Engine, Host.FlushAsync, client, Script, "hello world", "second hello");
        var page = Render<HistoryPage>();

        page.WaitForAssertion(() => Assert.Contains("running", page.Find("#sessions-table tbody tr td.stop-reason").TextContent, StringComparison.Ordinal), Timeout);
        await page.InvokeAsync(() => page.Find("#sessions-table tbody tr").Click());

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#lines-table td.line-text"), td => td.TextContent == Script), Timeout);
        // The payload is text: no element came out of it, and the markup escapes it.
        Assert.Empty(page.FindAll("#session-lines script, #session-lines b"));
        Assert.Contains("&lt;script&gt;", page.Find("#lines-table").InnerHtml, StringComparison.Ordinal);
        Assert.EndsWith("/transcript.csv", page.Find("#export-csv").GetAttribute("href"), StringComparison.Ordinal);

        page.Find("input#search-text").Change("HELLO");
        await page.InvokeAsync(() => page.Find("#search-button").Click());

        page.WaitForAssertion(() => Assert.Equal(["hello world", "second hello"], page.FindAll("#lines-table td.line-text").Select(td => td.TextContent)), Timeout);
    }
}
