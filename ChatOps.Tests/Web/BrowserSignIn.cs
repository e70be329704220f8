using Microsoft.Playwright;

namespace ChatOps.Tests.Web;

/// <summary>Signs a Chromium page in through the real sign-in form, as the teacher does.</summary>
internal static class BrowserSignIn
{
    /// <summary>Opens <paramref name="address"/> (which sends the browser to the sign-in page), signs in, and waits until the dashboard is live.</summary>
    public static async Task OpenDashboardAsync(IPage page, string address)
    {
        await page.GotoAsync(address);
        await SubmitPasswordAsync(page);
    }

    /// <summary>Fills the sign-in form the page shows and waits until the dashboard is live.</summary>
    public static async Task SubmitPasswordAsync(IPage page)
    {
        await page.Locator("#password").FillAsync(ChatOpsWebFactory.Password);
        await page.Locator("#signin-submit").ClickAsync();
        // Prerendered HTML arrives first; clicks only work once the circuit is live.
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]");
    }
}
