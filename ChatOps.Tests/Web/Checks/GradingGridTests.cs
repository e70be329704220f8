using System.Collections.Immutable;
using Bunit;
using ChatOps.Grading;
using ChatOps.Grading.Reports;
using ChatOps.TcpEngine;
using ChatOps.Web.Checks;
using ChatOps.Web.Components.Checks;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatOps.Tests.Web.Checks;

/// <summary>The grid alone, from rows made by hand: what each cell shows, its reason, and student text kept as text.</summary>
public sealed class GradingGridTests : BunitContext
{
    private const string Hostile = "<img src=x onerror=alert(1)>";
    private readonly ChatOps.Tests.History.TempFolder _folder = new();
    private readonly ChatOps.History.Roster.ClassRoster _roster;

    public GradingGridTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        _roster = ChatOps.Tests.Support.TestRoster.Create(_folder.Path);
        Services.AddSingleton(_roster);
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void Cells_show_pass_fail_skip_running_waiting_and_not_in_the_exercise_with_the_reason_as_their_title()
    {
        var relay = Row(1, "alice", ChatMode.Relay, RowState.Running,
            new CheckReportRow("connect", CheckVerdict.Pass, CheckReason.Literal("accepted in 3 ms"), 4),
            new CheckReportRow("relay_to_others", CheckVerdict.Fail, CheckReason.Literal("C got nothing"), 2100),
            new CheckReportRow("sender_ip", CheckVerdict.Skip, CheckReason.Literal("nothing relayed"), 2100),
            new CheckReportRow("no_self_echo", CheckVerdict.Pass, CheckReason.Literal("A got nothing back"), 2100));
        var echo = Row(2, "bob", ChatMode.Echo, RowState.Queued);
        var columns = GradingColumns.For([ChatMode.Relay, ChatMode.Echo]);

        var grid = Render<GradingGrid>(p => p.Add(g => g.Rows, [relay, echo]).Add(g => g.Columns, columns));

        Assert.Equal(columns, grid.FindAll("thead th.check-name").Select(th => th.GetAttribute("data-check")));
        var alice = grid.Find("tr.grading-row[data-key='1']");
        Assert.Equal("running", alice.GetAttribute("data-state"));
        Assert.Equal(("pass", "PASS", "accepted in 3 ms"), Cell(alice, "connect"));
        Assert.Equal(("fail", "FAIL", "C got nothing"), Cell(alice, "relay_to_others"));
        Assert.Equal(("skip", "skip", "nothing relayed"), Cell(alice, "sender_ip"));
        Assert.Equal("running", Cell(alice, "order").State);
        Assert.Equal("waiting", Cell(alice, "concurrent_senders").State);
        Assert.Equal("none", Cell(alice, "echo").State);
        Assert.Equal("2/14", alice.QuerySelector("td.num")!.TextContent);
        var bob = grid.Find("tr.grading-row[data-key='2']");
        Assert.Equal(("queued", "waiting", "none"), (bob.GetAttribute("data-state"), Cell(bob, "connect").State, Cell(bob, "order").State));
    }

    [Fact]
    public void A_student_name_and_a_reason_with_markup_stay_text()
    {
        var row = Row(1, Hostile, ChatMode.Echo, RowState.Done, new CheckReportRow("connect", CheckVerdict.Fail, new CheckReason("Utf8.Changed", "é", Words.Quote(Hostile)), 1));

        var grid = Render<GradingGrid>(p => p.Add(g => g.Rows, [row]).Add(g => g.Columns, CheckPlan.Names(ChatMode.Echo)));

        Assert.Empty(grid.FindAll("#grading-grid img"));
        Assert.Equal(Hostile, grid.Find("td.student").TextContent);
        Assert.Equal($"é did not survive: got \"{Hostile}\" (decode and encode as UTF-8 on both sides)", Cell(grid.Find("tr.grading-row"), "connect").Reason);
    }

    [Fact]
    public async Task The_roster_s_name_shows_beside_the_address_it_knows_and_nothing_beside_the_others()
    {
        await _roster.SetAsync(new ChatOps.History.Roster.RosterRow("127.0.0.1", null, "Alice Martin"), "teacher", cancellationToken: Xunit.TestContext.Current.CancellationToken);
        var known = Row(1, "seat 4", ChatMode.Echo, RowState.Done);
        var unknown = GradingRow.Create(2, new GradingTarget("seat 5", "10.0.0.9", 5000, ChatMode.Echo));

        var grid = Render<GradingGrid>(p => p.Add(g => g.Rows, [known, unknown]).Add(g => g.Columns, CheckPlan.Names(ChatMode.Echo)));

        Assert.Equal("127.0.0.1:5001 · Alice Martin", Squash(grid.Find("tr.grading-row[data-key='1'] td.ip").TextContent));
        Assert.Equal("10.0.0.9:5000", Squash(grid.Find("tr.grading-row[data-key='2'] td.ip").TextContent));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Clicking_a_result_selects_it_and_clicking_a_waiting_cell_does_not()
    {
        var row = Row(7, "alice", ChatMode.Echo, RowState.Running, new CheckReportRow("connect", CheckVerdict.Pass, CheckReason.Literal("ok"), 1));
        GridSelection? selected = null;
        var grid = Render<GradingGrid>(p => p.Add(g => g.Rows, [row]).Add(g => g.Columns, CheckPlan.Names(ChatMode.Echo))
            .Add(g => g.SelectedChanged, s => selected = s));

        grid.Find("td.cell[data-check='churn']").Click();
        Assert.Null(selected);
        grid.Find("td.cell[data-check='connect']").Click();
        Assert.Equal(new GridSelection(7, "connect"), selected);
    }

    private static GradingRow Row(int key, string student, ChatMode exercise, RowState state, params CheckReportRow[] results) =>
        GradingRow.Create(key, new GradingTarget(student, "127.0.0.1", 5000 + key, exercise)) with
        {
            State = state,
            Results = results.ToImmutableDictionary(r => r.Name),
        };

    private static (string? State, string Text, string? Reason) Cell(AngleSharp.Dom.IElement row, string check)
    {
        var cell = row.QuerySelector($"td.cell[data-check='{check}']")!;
        return (cell.GetAttribute("data-state"), cell.TextContent, cell.GetAttribute("title"));
    }
}
