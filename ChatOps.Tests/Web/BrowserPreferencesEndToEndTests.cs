using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>What the dashboard takes from the browser itself: its time zone (and, below, its colour scheme).</summary>
[Collection(BrowserGroup.Name)]
public sealed class BrowserPreferencesEndToEndTests(WebHostFixture host)
{
    [Fact]
    public async Task Times_follow_the_browser_time_zone_and_say_which()
    {
        SetDefaultExpectTimeout(15_000);
        var browser = await host.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { TimezoneId = "Asia/Tokyo" });
        var page = await SignedInPageAsync(context);

        await Expect(page.Locator("#time-zone")).ToHaveTextAsync("Asia/Tokyo");
        await page.Locator("#nav-history").ClickAsync();
        await Expect(page.Locator("#sessions-table thead")).ToContainTextAsync("started (Asia/Tokyo)");
    }

    private async Task<IPage> SignedInPageAsync(IBrowserContext context)
    {
        await host.RunningEngineAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.Locator("#password").FillAsync(ChatOpsWebFactory.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]");
        return page;
    }
}
