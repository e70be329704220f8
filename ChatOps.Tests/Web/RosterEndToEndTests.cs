using System.Net;
using ChatOps.History.Roster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>The teacher names a live connection in a real Chromium, and the name shows in the table and the mirror.</summary>
[Collection(BrowserGroup.Name)]
public sealed class RosterEndToEndTests(WebHostFixture host)
{
    // Addresses of this test's own, so that the names it leaves in the shared host's roster name nobody else's rows.
    private static readonly IPAddress Alice = IPAddress.Parse("127.0.0.41");
    private static readonly IPAddress Bob = IPAddress.Parse("127.0.0.42");

    [Fact]
    public async Task A_name_typed_beside_a_live_connection_shows_in_the_table_and_the_mirror_while_the_relay_keeps_the_ip()
    {
        var browser = await host.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await BrowserSignIn.OpenDashboardAsync(page, host.BaseAddress.ToString());
        await host.RunningEngineAsync();
        await using var alice = await host.ConnectAsync(Alice);
        await using var bob = await host.ConnectAsync(Bob);
        var row = page.Locator("tr.session-row:has(td.ip:text-is('127.0.0.41'))");
        await Expect(row).ToHaveCountAsync(1);

        await row.Locator("button.name-edit").ClickAsync();
        await row.Locator("input.name-input").FillAsync("Alice Martin");
        await row.Locator("input.name-input").PressAsync("Enter");

        await Expect(row.Locator(".client-name")).ToHaveTextAsync("Alice Martin");
        await alice.SendLineAsync("bonjour de la part d'Alice");
        // Chat:RelayPrefix is ip by default: the lab sheet asks for the sender's IP.
        Assert.Equal("[127.0.0.41] bonjour de la part d'Alice", await bob.ReadUntilAsync(l => l.EndsWith("d'Alice", StringComparison.Ordinal)));
        var line = page.Locator(".mirror-line:has(.text:text-is(\"bonjour de la part d'Alice\"))");
        await Expect(line.Locator(".who")).ToHaveTextAsync("127.0.0.41");
        await Expect(line.Locator(".name")).ToHaveTextAsync("Alice Martin");
        var roster = host.Services.GetRequiredService<ClassRoster>();
        Assert.Equal("Alice Martin", roster.Exact("127.0.0.41", null)?.Name);
        Assert.Equal("", await page.Locator("tr.session-row:has(td.ip:text-is('127.0.0.42')) .client-name").TextContentAsync());
    }
}
