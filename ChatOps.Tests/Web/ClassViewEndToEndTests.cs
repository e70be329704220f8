using System.Net;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web;

/// <summary>
/// A class in three rooms on the real host, in a real Chromium, at the screen sizes of the lab (1366×768 laptops, a
/// 768×1024 tablet, a 1920×1080 projector) in both themes: every row's actions stay in sight, the newest messages are
/// on screen, and a clicked row becomes the Send target. It also takes the README's screenshot (docs/dashboard.png).
/// </summary>
public sealed class ClassViewEndToEndTests
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (768, 1024), (1920, 1080)];

    private static Dictionary<string, string?> Rooms => new()
    {
        ["Chat:Rooms:ex1:Port"] = "0",
        ["Chat:Rooms:ex1:Mode"] = "echo",
        ["Chat:Rooms:ex2:Port"] = "0",
        ["Chat:Rooms:ex2:Mode"] = "sync",
        ["Chat:Rooms:ex3:Port"] = "0",
        ["Chat:Rooms:ex3:Mode"] = "relay",
    };

    private static IPAddress Student(int n) => IPAddress.Parse($"127.0.0.{n}");

    [Fact]
    public async Task A_class_in_three_rooms_keeps_every_rows_actions_and_the_newest_messages_in_sight()
    {
        await using var factory = new ChatOpsWebFactory(Rooms);
        factory.StartServer();
        var server = factory.Services.GetRequiredService<ChatServer>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await WebHostFixture.LaunchChromiumAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        await BrowserSignIn.OpenDashboardAsync(page, factory.ServerAddress());

        async Task<TcpTestClient> ConnectAsync(string room, int student) =>
            await TcpTestClient.ConnectAsync(server.Room(room)!.LocalEndPoint!, from: Student(student));

        // ex1 (echo): a French Windows console without println (two chips) and a Windows program (CRLF).
        await using var alice = await ConnectAsync("ex1", 11);
        await using var bob = await ConnectAsync("ex1", 12);
        // ex2 (sync): the served client (two chips) and one waiting its turn.
        await using var carol = await ConnectAsync("ex2", 13);
        await using var dave = await ConnectAsync("ex2", 14);
        // ex3 (relay): a telnet line left without Enter (two chips) and a Linux program (LF).
        await using var eve = await ConnectAsync("ex3", 15);
        await using var frank = await ConnectAsync("ex3", 16);
        await alice.SendAsync((byte[])[.. "caf"u8, 0xE9, .. " au lait, sans fin de ligne"u8]);
        await bob.SendAsync("bonjour depuis Windows\r\n"u8.ToArray());
        await carol.SendLineAsync("quelle heure est-il ?");
        await eve.SendAsync((byte[])[255, 251, 24, .. "pas encore fini"u8]);
        await frank.SendLineAsync("salut la salle 3");
        await frank.SendLineAsync("qui est là ?");

        var rows = page.Locator("#connections tr.session-row");
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(page.Locator("#connections tr.room-group .room-name")).ToHaveTextAsync(["ex1", "ex2", "ex3"]);
        var twoChips = new[] { Row(page, alice), Row(page, carol), Row(page, eve) };
        foreach (var row in twoChips)
            await Expect(row.Locator(".diag-chip")).ToHaveCountAsync(2);
        await Expect(Row(page, eve)).ToContainTextAsync("unfinished line");
        await Expect(page.Locator("#mirror-lines")).ToContainTextAsync("qui est là ?");

        // A clicked row is the Send target, and says so: the row is marked and the box names the client, checked.
        await Row(page, frank).ClickAsync();
        await Expect(Row(page, frank)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#operator-target .target-selected")).ToContainTextAsync($"127.0.0.16:{frank.LocalEndPoint.Port}");
        await Expect(page.Locator("#operator-target .target-selected input")).ToBeCheckedAsync();
        await page.Locator("#operator-box input[type=text]").FillAsync("Frank, ton client marche");
        await page.Locator("#operator-send").ClickAsync();
        Assert.Equal("[server] Frank, ton client marche", await frank.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)));

        var tableHeights = new Dictionary<(int, int), double>();
        foreach (var dark in new[] { false, true })
        {
            if (dark)
            {
                await page.Locator("#theme-toggle").ClickAsync();
                await Expect(page.Locator("#app-root[data-theme=dark]")).ToBeAttachedAsync();
            }
            foreach (var (width, height) in Sizes)
            {
                await page.SetViewportSizeAsync(width, height);
                var where = $"{width}x{height}-{(dark ? "dark" : "light")}";
                // What each size looks like, in the test results (a failure below leaves its picture there).
                await Screenshots.SaveAsync(page, $"class-view-{where}.png", docs: false);
                // The mouse rests on the app bar: a tooltip opened by hovering a button is not what the check is about.
                await page.Mouse.MoveAsync(1, 1);
                await Expect(page.Locator(".mud-tooltip.mud-popover-open")).ToHaveCountAsync(0);
                for (var i = 0; i < await rows.CountAsync(); i++)
                    await AssertActionsInSightAsync(page, rows.Nth(i), where);
                // The tablet stacks the panels and scrolls the page; two columns keep the messages on the first screen.
                if (width > 1200)
                    await AssertNewestMessageOnScreenAsync(page);
                tableHeights[(width, height)] = (await page.Locator("#connections-scroll").BoundingBoxAsync())!.Height;
            }
        }
        // The table takes the height there is: taller on the projector than on the laptop, past the old 260 px box.
        Assert.True(tableHeights[(1920, 1080)] > 300 && tableHeights[(1920, 1080)] > tableHeights[(1366, 768)] + 100,
            $"table heights: {string.Join(", ", tableHeights.Select(h => $"{h.Key}: {h.Value:F0}"))}");

        await page.Locator("#theme-toggle").ClickAsync();
        await Expect(page.Locator("#app-root[data-theme=light]")).ToBeAttachedAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await AssertNewestMessageOnScreenAsync(page);
        // The README's picture shows the selected row (the Send target) and the relay room's telnet student.
        await Row(page, frank).ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "dashboard.png", docs: true);

        // A line that grows after it was shown (re-rendered with a name, wrapped anew) does not push the newest out of sight.
        await page.Locator("#mirror-lines .mirror-line").Last.EvaluateAsync("line => { line.style.paddingTop = '40px'; }");
        await AssertNewestMessageOnScreenAsync(page);
    }

    private static ILocator Row(IPage page, TcpTestClient client) =>
        page.Locator($"#connections tr.session-row:has(td.ip:text-is('{client.LocalEndPoint.Address}'))");

    /// <summary>The row's actions lie inside the table's visible box and the window, and nothing covers kick or ban.</summary>
    private static async Task AssertActionsInSightAsync(IPage page, ILocator row, string where)
    {
        var actions = row.Locator("td.actions");
        await actions.ScrollIntoViewIfNeededAsync();
        var cell = (await actions.BoundingBoxAsync())!;
        var table = (await page.Locator("#connections-scroll").BoundingBoxAsync())!;
        var ip = await row.Locator("td.ip").TextContentAsync();
        // Within a pixel: a cell's border may sit on the box's edge.
        Assert.True(cell.X >= table.X - 1 && cell.X + cell.Width <= table.X + table.Width + 1 && cell.Y >= table.Y - 1 && cell.Y + cell.Height <= table.Y + table.Height + 1,
            $"{where}: the actions of {ip} ({cell.X:F1},{cell.Y:F1} {cell.Width:F1}x{cell.Height:F1}) leave the table ({table.X:F1},{table.Y:F1} {table.Width:F1}x{table.Height:F1})");
        Assert.True(cell.X >= 0 && cell.Y >= 0 && cell.X + cell.Width <= page.ViewportSize!.Width && cell.Y + cell.Height <= page.ViewportSize.Height,
            $"{where}: the actions of {ip} ({cell.X:F1},{cell.Y:F1} {cell.Width:F1}x{cell.Height:F1}) leave the window");
        // Clipped by nothing else on the way up (the panel, the column): as the browser itself computes it.
        await Expect(actions).ToBeInViewportAsync(new() { Ratio = 0.95f });
        // Nothing lies over kick or ban: the element at each button's centre is the button (without hovering it).
        foreach (var button in new[] { "button.kick-button", "button.ban-button" })
        {
            Assert.True(await row.Locator(button).EvaluateAsync<bool>(
                "b => { const r = b.getBoundingClientRect(); return b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"),
                $"{where}: something covers {button} of {ip}");
        }
    }

    /// <summary>With the page scrolled to its top, the newest line of the mirror is wholly in the window.</summary>
    private static async Task AssertNewestMessageOnScreenAsync(IPage page)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await Expect(page.Locator("#mirror-lines .mirror-line").Last).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.Equal(0, await page.EvaluateAsync<int>("window.scrollY"));
    }
}
