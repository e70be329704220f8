using Bunit;
using ChatOps.History.Audit;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Pages;
using ChatOps.Web.Components.Records;

namespace ChatOps.Tests.Web;

public sealed class AuditPageTests : HistoryPageTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_bans_and_audit_entries_and_unbans()
    {
        await Host.Bans.BanAsync("10.0.0.7", null, "teacher", "<i>spam</i>", cancellationToken: Ct);
        await Host.Audit.RecordAsync(new AuditEntry(DateTimeOffset.UtcNow, AuditAction.SignInFailed, "10.0.0.9", "10.0.0.9"), Ct);
        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#audit-table tbody tr").Count), Timeout);
        Assert.Equal(["SignInFailed", "Ban"], page.FindAll("#audit-table td.audit-action").Select(td => td.TextContent));
        var row = page.Find("tr.ban-row[data-ip='10.0.0.7']");
        Assert.Contains("until lifted", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("<i>spam</i>", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#bans i"));

        await page.InvokeAsync(() => page.Find("tr.ban-row[data-ip='10.0.0.7'] button.unban-button").Click());

        Assert.False(Host.Bans.IsBanned("10.0.0.7"));
        page.WaitForAssertion(() =>
        {
            page.Find("#no-bans");
            Assert.Equal("Unban", page.FindAll("#audit-table td.audit-action")[0].TextContent);
        }, Timeout);
    }

    [Fact]
    public async Task The_history_fault_shows_as_a_red_chip_with_the_last_error()
    {
        var chip = Render<HistoryFaultChip>();
        Assert.Empty(chip.FindAll("#history-fault"));
        // A successful write clears a fault: the room's start is written first, so that none is still queued.
        await Host.FlushAsync();

        Host.Status.ReportFault("database or disk is full", 3, DateTimeOffset.UtcNow);

        chip.WaitForAssertion(() => Assert.Contains("database or disk is full", chip.Find("#history-fault").TextContent, StringComparison.Ordinal), Timeout);
    }
}
