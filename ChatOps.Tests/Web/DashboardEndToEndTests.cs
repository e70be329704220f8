using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>The teacher's dashboard in a real headless Chromium against the real host, with raw TCP clients as students.</summary>
[Collection(BrowserGroup.Name)]
public sealed class DashboardEndToEndTests(WebHostFixture host)
{
    private static readonly IPAddress Alice = IPAddress.Parse("127.0.0.11");
    private static readonly IPAddress Bob = IPAddress.Parse("127.0.0.12");
    private static readonly IPAddress Carol = IPAddress.Parse("127.0.0.13");

    private static bool IsChat(string line) => !line.StartsWith("* ", StringComparison.Ordinal);

    private static bool FromServer(string line) => line.StartsWith("[server]", StringComparison.Ordinal);

    [Fact]
    public async Task The_teacher_watches_the_lab_talks_to_it_and_stops_it()
    {
        var browser = await host.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        // The dashboard is the teacher's: the browser lands on the sign-in page first.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await BrowserSignIn.SubmitPasswordAsync(page);

        await using var alice = await host.ConnectAsync(Alice);
        await using var bob = await host.ConnectAsync(Bob);
        await using var carol = await host.ConnectAsync(Carol);
        var rows = page.Locator("tr.session-row");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.Locator("tr.session-row td.ip")).ToHaveTextAsync(["127.0.0.11", "127.0.0.12", "127.0.0.13"]);

        // Alice's program sends CRLF (as on Windows), Bob's LF; Carol forgot her newline.
        await alice.SendAsync("bonjour tout le monde\r\n"u8.ToArray());
        Assert.Equal("[127.0.0.11] bonjour tout le monde", await bob.ReadUntilAsync(IsChat));
        await bob.SendLineAsync("salut Alice, ça marche !");
        await alice.SendAsync("<b>pas de HTML ici</b>\r\n"u8.ToArray());
        await carol.SendAsync("j'ai oublié le println"u8.ToArray()); // no newline: a message after a pause
        await Expect(page.Locator("#mirror-lines")).ToContainTextAsync("bonjour tout le monde");
        await Expect(page.Locator("#mirror-lines")).ToContainTextAsync("<b>pas de HTML ici</b>");

        await page.Locator("#operator-box input[type=text]").FillAsync("Exercise 3: everyone say hello");
        await page.Locator("#operator-send").ClickAsync();
        Assert.Equal("[server] Exercise 3: everyone say hello", await alice.ReadUntilAsync(FromServer));
        Assert.Equal("[server] Exercise 3: everyone say hello", await carol.ReadUntilAsync(FromServer));
        await Expect(page.Locator("#mirror-lines")).ToContainTextAsync("Exercise 3: everyone say hello");

        await rows.Nth(1).ClickAsync();
        await Expect(page.Locator("#client-details")).ToContainTextAsync("salut Alice");
        await Expect(rows.Nth(2)).ToContainTextAsync("no newline");
        await Expect(page.Locator("#activity-chart svg path").First).ToBeVisibleAsync();
        // The README's screenshot shows a class in rooms (ClassViewEndToEndTests); this one stays in the test results.
        await Screenshots.SaveAsync(page, "dashboard-one-room.png", docs: false);

        await page.Locator("#theme-toggle").ClickAsync();
        await Expect(page.Locator("#app-root[data-theme=dark]")).ToBeAttachedAsync();
        await page.SetViewportSizeAsync(1024, 768);
        await Screenshots.SaveAsync(page, "dashboard-dark-tablet.png", docs: false);

        await page.Locator("#arret-button").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "arret" }).ClickAsync();

        foreach (var client in new[] { alice, bob, carol })
            Assert.Contains(await client.ReadToEndAsync(), l => l.StartsWith("* arret", StringComparison.Ordinal));
        await Expect(page.Locator("#engine-state")).ToHaveTextAsync("stopped");
        await Expect(page.Locator("#stopped-by")).ToContainTextAsync("arret by teacher");
        await Expect(page.Locator("#start-button")).ToBeVisibleAsync();
    }
}
