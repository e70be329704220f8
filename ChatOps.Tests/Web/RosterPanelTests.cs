using Bunit;
using ChatOps.History.Audit;
using ChatOps.Web.Components.Records;
using Microsoft.AspNetCore.Components.Forms;

namespace ChatOps.Tests.Web;

/// <summary>The History page's roster panel: a CSV file of ip,name[,seat] into the real roster, bad lines named one by one.</summary>
public sealed class RosterPanelTests : HistoryPageTest
{
    [Fact]
    public async Task An_imported_file_keeps_the_good_lines_names_each_bad_one_and_is_audited()
    {
        var panel = Render<RosterPanel>();
        const string csv = "ip;name;seat\n192.168.1.23;Alice Martin;B4\n192.168.1.23:5001;Bob\npc-12;Carl\n10.0.0.4;10.0.0.5\n10.0.0.6;\"Dan\nDupont\"\n[::1]:5000;Ève\n";

        await panel.InvokeAsync(() => panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "classe.csv")));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("tr.roster-row").Count));
        Assert.Equal(["192.168.1.23", "192.168.1.23:5001", "[::1]:5000"], panel.FindAll("tr.roster-row").Select(r => r.GetAttribute("data-where")));
        Assert.Equal("classe.csv: 3 name(s) recorded", panel.Find("#roster-imported").TextContent);
        var problems = panel.FindAll("#roster-problems li").Select(l => l.TextContent).ToList();
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("line 4: the first column must be an IP address", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 5: a name cannot be an IP address", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("line 6: a name cannot hold line breaks", problems[2], StringComparison.Ordinal);
        Assert.Equal("B4", Host.Roster.Find("192.168.1.23", 4000)?.Seat);

        var audit = Assert.Single((await Host.Audit.ListAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken)).Items).Entry;
        Assert.Equal((AuditAction.Roster, "classe.csv", "3 name(s) imported"), (audit.Action, audit.Target, audit.Detail));
    }

    [Fact]
    public async Task Removing_a_name_forgets_it()
    {
        await Host.Roster.SetAsync(new ChatOps.History.Roster.RosterRow("10.0.0.1", null, "Alice"), "prof", cancellationToken: Xunit.TestContext.Current.CancellationToken);
        var panel = Render<RosterPanel>();

        await panel.InvokeAsync(() => panel.Find("tr.roster-row .roster-remove").Click());

        panel.WaitForAssertion(() => panel.Find("#no-roster"));
        Assert.Empty(Host.Roster.Entries);
    }
}
