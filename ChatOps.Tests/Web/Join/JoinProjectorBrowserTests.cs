using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web.Join;

/// <summary>
/// The join page and the projector in a real Chromium, under the content-security policy, light and dark, in both languages,
/// on the machine's network address as a class reaches them (<see cref="LanHostFixture"/>).
/// </summary>
[Collection(ProjectorGroup.Name)]
public sealed class JoinProjectorBrowserTests(LanHostFixture host)
{
    [Theory]
    [InlineData(ColorScheme.Light, "light")]
    [InlineData(ColorScheme.Dark, "dark")]
    public async Task A_student_reads_the_join_page_without_signing_in(ColorScheme scheme, string theme)
    {
        var port = (await host.RunningEngineAsync()).LocalEndPoint!.Port;
        await using var context = await (await host.BrowserAsync()).NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        var errors = Errors(page);

        await page.GotoAsync(new Uri(host.BaseAddress, "/join").ToString());

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/join$"));
        await Expect(page.Locator($"html[data-chatops-theme={theme}]")).ToBeAttachedAsync();
        await Expect(page.Locator(".join-command").First).ToHaveTextAsync($"chatops connect {host.Address} {port}");
        await Expect(page.Locator("#join-no-builds")).ToContainTextAsync("scripts/publish-client.sh");
        await page.Locator(".join-snippet summary").First.ClickAsync();
        await Expect(page.Locator(".join-snippet pre").First).ToContainTextAsync("recv(1024)");
        // The palette the page shows is the scheme's: a dark background in dark, a light one in light.
        var background = await page.Locator(".join-page").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal(theme == "dark", Luminance(background) < 0.5);
        await Screenshots.SaveAsync(page, $"join-{theme}.png", docs: false);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("fr-FR", "fr", "Rejoindre le TP", "Salle main", "# un message par send()")]
    [InlineData("en-US", "en", "Join the lab", "Room main", "# one message per send()")]
    public async Task The_join_page_speaks_the_browsers_language(string locale, string lang, string title, string room, string comment)
    {
        var port = (await host.RunningEngineAsync()).LocalEndPoint!.Port;
        // The locale sets Accept-Language, as a student's browser does.
        await using var context = await (await host.BrowserAsync()).NewContextAsync(new() { Locale = locale });
        var page = await context.NewPageAsync();
        var errors = Errors(page);

        await page.GotoAsync(new Uri(host.BaseAddress, "/join").ToString());

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.Locator(".join-title")).ToHaveTextAsync(title);
        await Expect(page.Locator("#join-room-main h5")).ToHaveTextAsync(room);
        await Expect(page.Locator(".join-command").First).ToHaveTextAsync($"chatops connect {host.Address} {port}");
        await page.Locator(".join-snippet summary").First.ClickAsync();
        await Expect(page.Locator(".join-snippet pre").First).ToContainTextAsync(comment);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_projector_shows_the_commands_the_qr_code_and_a_students_line_in_large_type()
    {
        var port = (await host.RunningEngineAsync()).LocalEndPoint!.Port;
        await using var context = await (await host.BrowserAsync()).NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        var errors = Errors(page);
        await page.GotoAsync(new Uri(host.BaseAddress, "/projector").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.Locator("#password").FillAsync(ChatOpsWebFactory.Password);
        await page.Locator("#signin-submit").ClickAsync();
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/projector$"));

        var at = host.Address.ToString();
        await Expect(page.Locator(".projector-command")).ToHaveTextAsync([$"nc {at} {port}", $"telnet {at} {port}", $"chatops connect {at} {port}"]);
        Assert.True(await page.Locator("#projector-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        var joinUrl = new Uri(host.BaseAddress, "/join");
        await Expect(page.Locator("#projector-join-url")).ToHaveTextAsync(joinUrl.ToString());
        // host:port stays on one line: as laid out, and in a box so narrow that the address must wrap somewhere.
        Assert.Equal(1, await LinesAsync(page, "#projector-join-url", joinUrl.Authority));
        await page.Locator("#projector-join-url").EvaluateAsync("e => e.style.width = '9em'");
        Assert.True(await LinesAsync(page, "#projector-join-url", joinUrl.ToString()) > 1, "the narrow box does not wrap the address: this proves nothing");
        Assert.Equal(1, await LinesAsync(page, "#projector-join-url", joinUrl.Authority));
        await page.Locator("#projector-join-url").EvaluateAsync("e => e.style.width = ''");
        // On the network address the page has nothing to warn about; on loopback (no network here) it must say so.
        await Expect(page.Locator("#projector-unreachable")).ToHaveCountAsync(host.Reachable ? 0 : 1);

        await using var student = await host.ConnectAsync();
        await Expect(page.Locator("#projector-count-main")).ToHaveTextAsync("1");
        await student.SendLineAsync("bonjour depuis le fond de la salle");
        var line = page.Locator(".projector-line", new() { HasText = "bonjour depuis le fond de la salle" });
        await Expect(line).ToBeVisibleAsync();
        var size = await line.Locator(".text").EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Assert.True(double.Parse(size.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 28, $"font size {size}");
        // Read-only: nothing on the page acts on the server.
        await Expect(page.Locator("#projector button")).ToHaveCountAsync(0);
        // docs/projector.png shows what a class sees: only from the network address.
        await Screenshots.SaveAsync(page, "projector.png", docs: host.Reachable);

        await page.Locator("#theme-toggle").ClickAsync();
        await Expect(page.Locator("#app-root[data-theme=dark]")).ToBeAttachedAsync();
        await Screenshots.SaveAsync(page, "projector-dark.png", docs: false);
        Assert.Empty(errors);
    }

    /// <summary>On how many lines the text <paramref name="part"/> of the element is laid out (a range's boxes, by their top).</summary>
    private static Task<int> LinesAsync(IPage page, string selector, string part) => page.EvaluateAsync<int>("""
        ([selector, part]) => {
          const element = document.querySelector(selector);
          const start = element.textContent.indexOf(part), end = start + part.length;
          if (start < 0) return -1;
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let seen = 0, started = false, node;
          while ((node = walker.nextNode())) {
            const length = node.textContent.length;
            if (!started && start < seen + length) { range.setStart(node, start - seen); started = true; }
            if (end <= seen + length) { range.setEnd(node, end - seen); break; }
            seen += length;
          }
          return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
        }
        """, new[] { selector, part });

    private static ConcurrentQueue<string> Errors(IPage page)
    {
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                errors.Enqueue($"{message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => errors.Enqueue($"page error: {error}");
        return errors;
    }

    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)].Split(',');
        return parts.Take(3).Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).Average() / 255;
    }
}

/// <summary>The projector's browser tests get a host of their own, so the dashboard tests' screenshots never show their lines.</summary>
[CollectionDefinition(Name)]
public sealed class ProjectorGroup : ICollectionFixture<LanHostFixture>
{
    public const string Name = "projector";
}
