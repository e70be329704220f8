using Bunit;
using ChatOps.History.Audit;
using ChatOps.Tests.Support;
using ChatOps.Web.Clock;
using ChatOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatOps.Tests.Web;

/// <summary>History and Audit show times in the page's zone, say which, and search with pickers in that zone.</summary>
public sealed class ClockPagesTests : HistoryPageTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    // +05:30 all year: its wall clock differs from UTC and from this machine's zone, with no daylight saving to dodge.
    private static readonly DisplayClock Kolkata = DisplayClock.TryFind("Asia/Kolkata")!;
    private static readonly DisplayClock Paris = DisplayClock.TryFind("Europe/Paris")!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<CascadingValue<DisplayClock>> RenderIn<TPage>(DisplayClock clock)
        where TPage : IComponent =>
        Render<CascadingValue<DisplayClock>>(p => p.Add(c => c.Value, clock).AddChildContent<TPage>());

    [Fact]
    public async Task Audit_shows_times_in_the_zone_and_filters_with_pickers_in_it()
    {
        // Two days ago (retention keeps it), at 07:30 and 09:30 UTC: 13:00 and 15:00 in Kolkata.
        var day = DateTime.UtcNow.Date.AddDays(-2);
        var early = new DateTimeOffset(day.AddHours(7.5), TimeSpan.Zero);
        var late = new DateTimeOffset(day.AddHours(9.5), TimeSpan.Zero);
        await Host.Audit.RecordAsync(new AuditEntry(early, AuditAction.Kick, "teacher", Target: "early"), Ct);
        await Host.Audit.RecordAsync(new AuditEntry(late, AuditAction.Kick, "teacher", Target: "late"), Ct);
        var page = RenderIn<AuditPage>(Kolkata);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#audit-table tbody tr").Count), Timeout);
        Assert.Contains("at (Asia/Kolkata)", page.Find("#audit-table thead").TextContent, StringComparison.Ordinal);
        Assert.Equal($"{day:yyyy-MM-dd} 15:00:00", page.Find("#audit-table tbody tr td").TextContent);

        // From 14:00 on the Kolkata clock, 08:30 UTC: only the later entry (read as UTC, it would keep neither).
        await PickAsync(page, 0, day, new TimeSpan(14, 0, 0));

        page.WaitForAssertion(() => Assert.Equal(["late"], page.FindAll("#audit-table tbody tr").Select(r => r.Children[4].TextContent)), Timeout);

        // "to" a date alone keeps that whole day.
        await PickAsync(page, 0, null, null);
        await PickAsync(page, 1, day.AddDays(-1), null);
        page.WaitForAssertion(() => Assert.Contains("Nothing recorded", page.Find("#audit-table tbody").TextContent, StringComparison.Ordinal), Timeout);
        await PickAsync(page, 1, day, null);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#audit-table tbody tr").Count), Timeout);
    }

    [Fact]
    public async Task History_shows_line_times_in_the_zone_and_searches_from_a_picked_local_time()
    {
        await using var client = await TcpTestClient.ConnectAsync(Host.Engine.LocalEndPoint!);
        await HistoryWait.SendAndStoreAsync(Host.Engine, Host.FlushAsync, client, "bonjour");
        var stored = (await Host.Queries.GetLinesAsync(new ChatOps.History.Queries.LineQuery(Text: "bonjour"), Ct)).Items.Single();
        var page = RenderIn<HistoryPage>(Kolkata);
        page.WaitForAssertion(() => page.Find("#sessions-table tbody tr.session-row"), Timeout);
        Assert.Contains("started (Asia/Kolkata)", page.Find("#sessions-table thead").TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => page.Find("#sessions-table tbody tr").Click());

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#lines-table tbody tr"), r => r.TextContent.Contains(Kolkata.Show(stored.At), StringComparison.Ordinal)), Timeout);

        // An hour after the line on the Kolkata clock: nothing. Read as UTC, it would be 4.5 hours earlier and find the line.
        var after = Kolkata.Local(stored.At).DateTime.AddHours(1);
        await PickAsync(page, 0, after.Date, after.TimeOfDay);
        await page.InvokeAsync(() => page.Find("#search-button").Click());
        page.WaitForAssertion(() => Assert.Contains("No line matches", page.Find("#lines-table").TextContent, StringComparison.Ordinal), Timeout);

        var before = Kolkata.Local(stored.At).DateTime.AddHours(-1);
        await PickAsync(page, 0, before.Date, before.TimeOfDay);
        await page.InvokeAsync(() => page.Find("#search-button").Click());
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#lines-table td.line-text"), td => td.TextContent == "bonjour"), Timeout);
    }

    [Fact]
    public async Task An_end_before_the_start_gets_a_clear_message()
    {
        await Host.FlushAsync();
        var page = RenderIn<HistoryPage>(Paris);
        page.WaitForAssertion(() => page.Find("#sessions-table tbody tr.session-row"), Timeout);
        await page.InvokeAsync(() => page.Find("#sessions-table tbody tr").Click());
        page.WaitForAssertion(() => page.Find("#search-range"), Timeout);

        await PickAsync(page, 0, new DateTime(2026, 11, 24), new TimeSpan(10, 0, 0));
        await PickAsync(page, 1, new DateTime(2026, 11, 24), new TimeSpan(9, 0, 0));
        await page.InvokeAsync(() => page.Find("#search-button").Click());

        Assert.Contains("before its start", page.Find("#search-error").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Sets the from (0) or to (1) pickers as the teacher would, through the pickers' own change callbacks.</summary>
    private static async Task PickAsync(IRenderedComponent<CascadingValue<DisplayClock>> page, int bound, DateTime? date, TimeSpan? time)
    {
        var dates = page.FindComponents<MudDatePicker>();
        var times = page.FindComponents<MudTimePicker>();
        await page.InvokeAsync(() => dates[bound].Instance.DateChanged.InvokeAsync(date));
        await page.InvokeAsync(() => times[bound].Instance.TimeChanged.InvokeAsync(time));
    }
}
