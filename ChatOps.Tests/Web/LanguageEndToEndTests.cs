using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>The dashboard's language: the browser's first, then the app bar's switch, remembered across a reload.</summary>
[Collection(BrowserGroup.Name)]
public sealed class LanguageEndToEndTests(WebHostFixture host)
{
    [Fact]
    public async Task The_switch_changes_the_language_and_a_reload_keeps_it()
    {
        await host.RunningEngineAsync();
        var browser = await host.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await BrowserSignIn.OpenDashboardAsync(page, host.BaseAddress.ToString());
        await Expect(page.Locator("#nav-dashboard")).ToHaveTextAsync("Dashboard");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator("#language-fr").ClickAsync();
        await Expect(page.Locator("#nav-dashboard")).ToHaveTextAsync("Tableau de bord");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]");
        // The live parts too: the circuit runs in French, not only the prerendered page.
        await Expect(page.Locator("#engine-state")).ToHaveTextAsync("en marche");
        await Expect(page.Locator("#language-fr")).ToHaveAttributeAsync("aria-pressed", "true");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]");
        await Expect(page.Locator("#nav-dashboard")).ToHaveTextAsync("Tableau de bord");
        await page.Locator("#nav-history").ClickAsync();
        await Expect(page.Locator("#lab-sessions")).ToContainTextAsync("Séances de TP");
        await File.WriteAllBytesAsync(Path.Combine(RepositoryPaths.TestResults, "history-fr.png"), await page.ScreenshotAsync(new() { FullPage = true }), Xunit.TestContext.Current.CancellationToken);

        // And back, on the page it was on.
        await page.Locator("#language-en").ClickAsync();
        await Expect(page.Locator("#lab-sessions")).ToContainTextAsync("Lab sessions");
        Assert.EndsWith("/history", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
