using System.Collections.Concurrent;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>The dashboard works under the content-security policy, in a real Chromium: no refusal, no error, live updates.</summary>
public sealed class ContentSecurityBrowserTests
{
    [Fact]
    public async Task The_dashboard_runs_under_the_policy_without_console_errors_and_updates_live()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        var baseAddress = new Uri(factory.ServerAddress());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await WebHostFixture.LaunchChromiumAsync(playwright);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                errors.Enqueue($"{message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => errors.Enqueue($"page error: {error}");

        var signIn = await page.GotoAsync(baseAddress.ToString());
        Assert.Contains("script-src 'self'", await signIn!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await BrowserSignIn.SubmitPasswordAsync(page);

        var engine = factory.Services.GetRequiredService<ChatServer>().Rooms[0];
        await using var student = await TcpTestClient.ConnectAsync(engine.LocalEndPoint!);
        await Expect(page.Locator("tr.session-row")).ToHaveCountAsync(1);
        await student.SendLineAsync("sous CSP");
        await Expect(page.Locator("#mirror-lines")).ToContainTextAsync("sous CSP");
        // A MudBlazor popover and dialog (inline styles, its scripts) under the policy too.
        await page.Locator("#arret-button").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();

        Assert.Empty(errors);
    }
}
