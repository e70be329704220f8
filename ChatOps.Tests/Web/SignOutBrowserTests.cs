using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>A dashboard tab left open after sign-out (here: signed out from another tab) goes to the sign-in page and loses its circuit.</summary>
public sealed class SignOutBrowserTests
{
    [Fact]
    public async Task An_open_dashboard_tab_leaves_for_the_sign_in_page_at_sign_out()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        var baseAddress = new Uri(factory.ServerAddress());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await WebHostFixture.LaunchChromiumAsync(playwright);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSignIn.OpenDashboardAsync(page, baseAddress.ToString());

        // Signed out from a second tab of the same browser: its form, its cookie.
        var other = await context.NewPageAsync();
        await other.GotoAsync(baseAddress.ToString());
        await other.Locator("#signout-form button").ClickAsync();
        await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));

        // The first tab goes to the sign-in page, and its circuit is closed: nothing it could still send reaches the lab.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(page.Locator("#signin-form")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }
}
