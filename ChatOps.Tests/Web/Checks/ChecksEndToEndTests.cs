using System.Text.RegularExpressions;
using ChatOps.Tests.Check;
using ChatOps.Tests.History;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Tests.Web.Checks;

/// <summary>The teacher grades two students from the Checks page, in a real headless Chromium, against real student servers.</summary>
[Collection(BrowserGroup.Name)]
public sealed partial class ChecksEndToEndTests(WebHostFixture host)
{
    private static readonly string[] Checks = ["connect", "echo", "split_message", "crlf", "utf8", "bye", "client_crash", "churn", "arret"];

    [Fact]
    public async Task The_teacher_adds_two_servers_checks_the_class_reads_a_failure_and_downloads_the_grades()
    {
        await using var good = await StudentServer.StartAsync("echo.py");
        await using var broken = await StudentServer.StartAsync("echo.py", "--fault", "dies-on-bye");
        var browser = await host.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await BrowserSignIn.OpenDashboardAsync(page, host.BaseAddress.ToString());
        await page.Locator("#nav-checks").ClickAsync();
        await Expect(page.Locator("#no-targets")).ToBeVisibleAsync();

        await page.Locator(".target-exercise").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = EchoItem() }).ClickAsync();
        await AddAsync(page, "Alice (seat 3)", good.Port);
        await AddAsync(page, "Bob (seat 7)", broken.Port);
        await Expect(page.Locator("tr.grading-row td.student")).ToHaveTextAsync(["Alice (seat 3)", "Bob (seat 7)"]);

        await page.Locator("#run-all").ClickAsync();
        // A class's run of the echo checks takes seconds on two shared cores: longer than the default wait (BrowserExpectTimeout).
        await Expect(page.Locator("tr.grading-row[data-state=done]")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await ExpectVerdictsAsync(page, 1, ["pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "skip"]);
        await ExpectVerdictsAsync(page, 2, ["pass", "pass", "pass", "pass", "pass", "fail", "skip", "skip", "skip"]);

        var bye = page.Locator("tr.grading-row[data-key='2'] td.cell[data-check='bye']");
        // "could not connect", or "was not served" when the new client connected before the dying server was gone.
        await Expect(bye).ToHaveAttributeAsync("title", new Regex("after a client said bye, a new client"));
        await bye.ClickAsync();
        await Expect(page.Locator("#detail-verdict")).ToHaveTextAsync("FAIL");
        await Expect(page.Locator("#detail-reason")).ToContainTextAsync("after a client said bye, a new client");
        await Expect(page.Locator("#detail-transcript")).ToContainTextAsync("bye");
        await Screenshots.SaveAsync(page, "checks.png", docs: true);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#grades-csv").ClickAsync());
        Assert.Matches(@"^chatops-grades-\d{8}-\d{4}\.csv$", download.SuggestedFilename);
        var rows = CsvRows.Parse(await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        Assert.Equal(["student", "exercise", "target", "passed", "failed", "skipped", .. Checks], rows[0]);
        Assert.Equal(["Alice (seat 3)", "echo", $"127.0.0.1:{good.Port}", "8", "0", "1", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "skip"], rows[1]);
        Assert.Equal(["Bob (seat 7)", "echo", $"127.0.0.1:{broken.Port}", "5", "1", "3", "pass", "pass", "pass", "pass", "pass", "fail", "skip", "skip", "skip"], rows[2]);
    }

    private static async Task AddAsync(IPage page, string student, int port)
    {
        await page.Locator("input#target-student").FillAsync(student);
        await page.Locator("input#target-host").FillAsync("127.0.0.1");
        await page.Locator("input#target-port").FillAsync(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#target-add").ClickAsync();
        await Expect(page.Locator("tr.grading-row td.student").Filter(new() { HasText = student })).ToBeVisibleAsync();
    }

    private static async Task ExpectVerdictsAsync(IPage page, int key, string[] verdicts)
    {
        var cells = page.Locator($"tr.grading-row[data-key='{key}'] td.cell");
        await Expect(cells).ToHaveCountAsync(Checks.Length);
        for (var i = 0; i < Checks.Length; i++)
        {
            await Expect(cells.Nth(i)).ToHaveAttributeAsync("data-check", Checks[i]);
            await Expect(cells.Nth(i)).ToHaveAttributeAsync("data-state", verdicts[i]);
        }
    }

    [GeneratedRegex("^\\s*echo\\s*$")]
    private static partial Regex EchoItem();
}
