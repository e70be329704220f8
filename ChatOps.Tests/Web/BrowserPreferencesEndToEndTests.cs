using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>What the dashboard takes from the browser itself: its time zone and its colour scheme, and the theme it keeps.</summary>
[Collection(BrowserGroup.Name)]
public sealed class BrowserPreferencesEndToEndTests(WebHostFixture host)
{
    [Fact]
    public async Task Times_follow_the_browser_time_zone_and_say_which()
    {
        var browser = await host.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { TimezoneId = "Asia/Tokyo" });
        var page = await SignedInPageAsync(context);

        await Expect(page.Locator("#time-zone")).ToHaveTextAsync("Asia/Tokyo");
        await page.Locator("#nav-history").ClickAsync();
        await Expect(page.Locator("#sessions-table thead")).ToContainTextAsync("started (Asia/Tokyo)");
        await page.Locator("#sessions-table tbody tr.session-row").First.ClickAsync();
        await Expect(page.Locator("#search-range")).ToContainTextAsync("Asia/Tokyo");
        await Expect(page.Locator("#lines-table thead")).ToContainTextAsync("at (Asia/Tokyo)");
        await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.TestResults, "history-tokyo.png"), await page.ScreenshotAsync(new() { FullPage = true }), Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_theme_follows_the_browser_preference_and_the_switch_survives_a_reload()
    {
        var browser = await host.BrowserAsync();
        await using var dark = await browser.NewContextAsync(new() { ColorScheme = ColorScheme.Dark });
        var page = await SignedInPageAsync(dark);
        await Expect(page.Locator("#app-root[data-theme=dark]")).ToBeAttachedAsync();

        await page.Locator("#theme-toggle").ClickAsync();
        await Expect(page.Locator("#app-root[data-theme=light]")).ToBeAttachedAsync();
        // The choice reaches the browser's storage through the circuit: reload only once it is there.
        await page.WaitForFunctionAsync("() => localStorage.getItem('chatops.theme') === 'light'");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]");
        await Expect(page.Locator("#app-root[data-theme=light]")).ToBeAttachedAsync();

        // Another browser with nothing stored and a light preference.
        await using var light = await browser.NewContextAsync(new() { ColorScheme = ColorScheme.Light });
        var other = await SignedInPageAsync(light);
        await Expect(other.Locator("#app-root[data-theme=light]")).ToBeAttachedAsync();
        await other.Locator("#theme-toggle").ClickAsync();
        await Expect(other.Locator("#app-root[data-theme=dark]")).ToBeAttachedAsync();
        await other.WaitForFunctionAsync("() => localStorage.getItem('chatops.theme') === 'dark'");
        await other.ReloadAsync();
        await other.WaitForSelectorAsync("#app-root[data-interactive=true]");
        await Expect(other.Locator("#app-root[data-theme=dark]")).ToBeAttachedAsync();
    }

    private async Task<IPage> SignedInPageAsync(IBrowserContext context)
    {
        await host.RunningEngineAsync();
        var page = await context.NewPageAsync();
        await BrowserSignIn.OpenDashboardAsync(page, host.BaseAddress.ToString());
        return page;
    }
}
