using Bunit;
using ChatOps.History.Audit;
using ChatOps.History.Grading;
using ChatOps.Tests.Check;
using ChatOps.Web.Checks;
using ChatOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web.Checks;

/// <summary>The Checks page with the real history and real student-style servers (Python processes on loopback).</summary>
public sealed class ChecksPageTests : HistoryPageTest
{
    // A run of the echo checks takes a few seconds; the machine is shared, and a Python server may be slow to answer.
    private static readonly TimeSpan RunWait = TimeSpan.FromSeconds(90);

    public ChecksPageTests()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddOptions<GradingOptions>().Configure(o =>
        {
            // One at a time: the cancel test needs servers still queued; two seconds a step, as the check matrix.
            o.MaxParallel = 1;
            o.Timeout = TimeSpan.FromSeconds(2);
        });
        Services.AddScoped<GradingBoard>();
        AddAuthorization().SetAuthorized("prof");
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_imported_class_is_checked_into_the_grid_with_exact_verdicts_stored_audited_and_explained()
    {
        await using var good = await StudentServer.StartAsync("echo.py");
        await using var broken = await StudentServer.StartAsync("echo.py", "--fault", "dies-on-bye");
        var page = Render<ChecksPage>();
        await page.InvokeAsync(() => page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            $"student,host,port,exercise\nalice,127.0.0.1,{good.Port},echo\nbob,127.0.0.1,{broken.Port},echo\n", "class.csv")));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.grading-row").Count));
        Assert.Contains("class.csv: 2 server(s) added", page.Find("#target-imported").TextContent, StringComparison.Ordinal);

        await (await StartRunAsync(page)).WaitAsync(RunWait, Ct);
        // The last results reach the page through its dispatcher: anything queued there runs before this.
        await page.InvokeAsync(() => { });
        Assert.Equal(["done", "done"], page.FindAll("tr.grading-row").Select(r => r.GetAttribute("data-state")));

        Assert.Equal(["pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "skip"], States(page, 1));
        Assert.Equal(["pass", "pass", "pass", "pass", "pass", "fail", "skip", "skip", "skip"], States(page, 2));
        Assert.Equal(["connect", "echo", "split_message", "crlf", "utf8", "bye", "client_crash", "churn", "arret"],
            page.FindAll("tr.grading-row[data-key='2'] td.cell").Select(c => c.GetAttribute("data-check")));

        var runs = await Host.Grading.RecentAsync(10, Ct);
        Assert.Equal([("bob", GradingStore.Completed), ("alice", GradingStore.Completed)], runs.Select(r => (r.Run.Student, r.EndState)));
        Assert.All(runs, r => Assert.Equal(("prof", "echo", "127.0.0.1"), (r.Run.StartedBy, r.Run.Exercise, r.Run.Host)));
        Assert.Equal(9, (await Host.Grading.GetResultsAsync(runs[0].Id, Ct)).Count);
        var audit = (await Host.Audit.ListAsync(cancellationToken: Ct)).Items.Select(a => a.Entry).Where(e => e.Action == AuditAction.Grading).ToList();
        Assert.Equal([$"127.0.0.1:{broken.Port}", $"127.0.0.1:{good.Port}"], audit.Select(e => e.Target));
        Assert.All(audit, e => Assert.Equal("prof", e.Actor));
        Assert.StartsWith("bob, echo: completed, 5 passed, 1 failed, 3 skipped", audit[0].Detail, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("tr.grading-row[data-key='2'] td.cell[data-check='bye']").Click());
        page.WaitForAssertion(() => Assert.Contains("bye", page.Find("#detail-transcript").TextContent, StringComparison.Ordinal));
        Assert.Equal("FAIL", page.Find("#detail-verdict").TextContent.Trim());
        Assert.Equal(page.Find("tr.grading-row[data-key='2'] td.cell[data-check='bye']").GetAttribute("title"), page.Find("#detail-reason").TextContent);
        Assert.Equal($"checks/grades.csv?run={runs[1].Id}&run={runs[0].Id}", page.Find("#grades-csv").GetAttribute("href"));
    }

    [Fact]
    public async Task Cancel_stops_the_check_under_way_and_the_queued_ones_never_start()
    {
        await using var relay = await StudentServer.StartAsync("relay.py");
        var page = Render<ChecksPage>();
        var board = page.Services.GetRequiredService<GradingBoard>();
        Assert.True(board.Add([new GradingTarget("alice", "127.0.0.1", relay.Port, TcpEngine.ChatMode.Relay),
            new GradingTarget("bob", "127.0.0.1", relay.Port, TcpEngine.ChatMode.Relay)]));

        // Alice's first result: her run is under way, and Bob (one server at a time) waits for it.
        var aliceStarted = new TaskCompletionSource<RowState>(TaskCreationOptions.RunContinuationsAsynchronously);
        board.Changed += () =>
        {
            if (board.Rows[0].Results.Count > 0)
                aliceStarted.TrySetResult(board.Rows[1].State);
        };
        var run = await StartRunAsync(page);
        Assert.Equal(RowState.Queued, await aliceStarted.Task.WaitAsync(RunWait, Ct));
        await page.InvokeAsync(() => page.Find("#cancel-run").Click());
        await run.WaitAsync(RunWait, Ct);
        await page.InvokeAsync(() => { });

        Assert.Equal(["cancelled", "cancelled"], page.FindAll("tr.grading-row").Select(r => r.GetAttribute("data-state")));
        Assert.Contains(page.FindAll("tr.grading-row[data-key='1'] td.cell"), c => c.GetAttribute("data-state") == "pass");
        Assert.False(board.IsRunning);
        Assert.Null(page.Find("#run-all").GetAttribute("disabled"));
        var stored = Assert.Single(await Host.Grading.RecentAsync(10, Ct));
        Assert.Equal(("alice", GradingStore.Cancelled), (stored.Run.Student, stored.EndState));
        Assert.NotEmpty(await Host.Grading.GetResultsAsync(stored.Id, Ct));
        var audit = Assert.Single((await Host.Audit.ListAsync(cancellationToken: Ct)).Items, a => a.Entry.Action == AuditAction.Grading);
        Assert.StartsWith("alice, relay: cancelled", audit.Entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_names_a_wrong_value_and_adds_a_right_one()
    {
        var page = Render<ChecksPage>();
        page.Find("#no-targets");

        await page.InvokeAsync(() => page.Find("input#target-student").Change("<i>Marie</i>"));
        await page.InvokeAsync(() => page.Find("input#target-host").Change("192.168.1.21"));
        await page.InvokeAsync(() => page.Find("input#target-port").Change("99999"));
        await page.InvokeAsync(() => page.Find("#target-add").Click());
        Assert.Contains("the port must be a number from 1 to 65535 (got \"99999\")", page.Find("#target-problems").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("tr.grading-row"));

        await page.InvokeAsync(() => page.Find("input#target-port").Change("5000"));
        await page.InvokeAsync(() => page.Find("#target-add").Click());
        var row = page.Find("tr.grading-row");
        Assert.Equal(("<i>Marie</i>", "192.168.1.21:5000", "idle"), (row.QuerySelector("td.student")!.TextContent, row.QuerySelector("td.ip")!.TextContent, row.GetAttribute("data-state")));
        Assert.Empty(page.FindAll("#checks-grid i"));
        Assert.Empty(page.FindAll("#target-problems"));
    }

    /// <summary>Clicks "Check the class"; the task completes when the run does (the handler awaits it).</summary>
    private static async Task<Task> StartRunAsync(IRenderedComponent<ChecksPage> page)
    {
        Task run = Task.CompletedTask;
        // A statement: as an expression, the assignment would make InvokeAsync wait for the whole run.
        await page.InvokeAsync(() => { run = page.Find("#run-all").ClickAsync(new MouseEventArgs()); });
        return run;
    }

    private static List<string?> States(IRenderedComponent<ChecksPage> page, int key) =>
        [.. page.FindAll($"tr.grading-row[data-key='{key}'] td.cell").Select(c => c.GetAttribute("data-state"))];
}
