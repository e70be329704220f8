using Bunit;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Pages;

namespace ChatOps.Tests.Web;

/// <summary>The dashboard page as a whole: how its parts follow each other.</summary>
public sealed class HomePageTests : DashboardTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    private static bool IsChat(string line) => !line.StartsWith("* ", StringComparison.Ordinal);

    [Fact]
    public async Task Clicking_a_row_makes_that_client_the_send_target_visibly_and_only_it_gets_the_line()
    {
        var page = Render<Home>();
        await using var other = await ConnectAsync();
        await using var chosen = await ConnectAsync();
        var row = $"tr[data-session='{SessionIdOf(chosen)}']";
        page.WaitForAssertion(() => page.Find(row), Timeout);

        await page.ClickAsync(row);

        page.WaitForAssertion(() =>
        {
            var target = page.Find("#operator-target .target-selected");
            Assert.Contains($"127.0.0.1:{chosen.LocalEndPoint.Port}", target.TextContent, StringComparison.Ordinal);
            Assert.True(target.QuerySelector("input")!.HasAttribute("checked"));
        }, Timeout);
        await page.InputAsync("#operator-box input[type=text]", "just for you");
        page.WaitForAssertion(() => Assert.Equal("just for you", page.Find("#operator-box input[type=text]").GetAttribute("value")), Timeout);
        await page.ClickAsync("#operator-send");

        Assert.Equal("[server] just for you", await chosen.ReadUntilAsync(IsChat));
        // Lines to one client keep their order: had the private line gone to everyone, it would come first here.
        Engine.Broadcast("for everyone");
        Assert.Equal("[server] for everyone", await other.ReadUntilAsync(IsChat));

        // Clicking the row again clears the selection and gives Send back to everyone.
        await page.ClickAsync(row);
        page.WaitForAssertion(() => Assert.True(page.Find("#operator-target .target-all input").HasAttribute("checked")), Timeout);
    }
}
