using System.Globalization;
using Bunit;
using ChatOps.History.Audit;
using ChatOps.Tests.Support;
using ChatOps.Web.Clock;
using ChatOps.Web.Components.Pages;
using ChatOps.Web.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;

namespace ChatOps.Tests.Web.Localization;

/// <summary>MudBlazor's own words (the pager's, the pickers') in the page's language, through the host's registration.</summary>
public sealed class MudBlazorWordsTests : HistoryPageTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    // The host's registration: MudBlazor's interceptor finds our MudWords localizer through it.
    public MudBlazorWordsTests() => Services.AddChatOpsLocalization();

    [Theory]
    [InlineData("fr", "Lignes par page :", "1-25 sur 30", "Page suivante")]
    [InlineData("en", "Rows per page:", "1-25 of 30", "Next page")]
    public async Task The_audit_pager_speaks_the_pages_language(string language, string rowsPerPage, string info, string next)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 0; i < 30; i++)
            await Host.Audit.RecordAsync(new AuditEntry(at.AddSeconds(i), AuditAction.Kick, "teacher", Target: $"t{i}"), Ct);

        var page = Render<CascadingValue<DisplayClock>>(p => p.Add(c => c.Value, DisplayClock.Server).AddChildContent<AuditPage>());

        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("#audit-table tbody tr").Count), LineReader.DefaultTimeout);
        var pager = page.Find("#audit-table .mud-table-pagination");
        Assert.Contains(rowsPerPage, pager.TextContent, StringComparison.Ordinal);
        Assert.Contains(info, pager.TextContent, StringComparison.Ordinal);
        Assert.Contains(pager.QuerySelectorAll("button"), b => b.GetAttribute("aria-label") == next);
    }

    [Fact]
    public void The_date_pickers_take_the_pages_language_for_their_calendar()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

        var page = Render<CascadingValue<DisplayClock>>(p => p.Add(c => c.Value, DisplayClock.Server).AddChildContent<AuditPage>());

        var pickers = page.FindComponents<MudDatePicker>();
        Assert.NotEmpty(pickers);
        Assert.All(pickers, p => Assert.Equal("fr", p.Instance.GetState(x => x.Culture).Name));
        Assert.All(page.FindComponents<MudTimePicker>(), p => Assert.Equal("fr", p.Instance.GetState(x => x.Culture).Name));
        // The pickers' open buttons are MudBlazor's words, in French.
        Assert.Contains(page.FindAll(".time-range button"), b => b.GetAttribute("aria-label") == "Ouvrir");
    }
}
