using ChatOps.History.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>The browser's address reaches the audit log through the real page: taken when the page is served, kept by the circuit.</summary>
[Collection(BrowserGroup.Name)]
public sealed class DashboardAuditEndToEndTests(WebHostFixture host)
{
    [Fact]
    public async Task A_kick_in_the_browser_is_audited_with_the_teacher_and_the_browser_address()
    {
        var browser = await host.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSignIn.OpenDashboardAsync(page, host.BaseAddress.ToString());
        await using var client = await host.ConnectAsync();
        var row = page.Locator($"tr.session-row:has(td:text-is('{client.LocalEndPoint.Port}'))");

        await row.Locator("button.kick-button").ClickAsync();

        // The snackbar shows once the kick and its audit entry are done.
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"127.0.0.1:{client.LocalEndPoint.Port} disconnected");
        var audit = host.Services.GetRequiredService<AuditLog>();
        var kick = (await audit.ListAsync(0, 50, Xunit.TestContext.Current.CancellationToken)).Items.Select(r => r.Entry)
            .First(e => e.Action == AuditAction.Kick && e.Target == $"127.0.0.1:{client.LocalEndPoint.Port}");
        Assert.Equal(("teacher", "127.0.0.1"), (kick.Actor, kick.ActorIp));
    }
}
