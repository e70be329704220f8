using Bunit;
using ChatOps.History.Audit;
using ChatOps.History.Roster;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;

namespace ChatOps.Tests.Web;

/// <summary>The name column of the connections table: typed beside a live connection, checked, kept in the roster, shown everywhere.</summary>
public sealed class ClientNameCellTests : DashboardTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    [Fact]
    public async Task A_name_typed_beside_a_connection_is_kept_for_its_address_and_shows_in_the_row_and_the_mirror()
    {
        var table = Render<ConnectionsTable>();
        var mirror = Render<MessageMirror>();
        await using var client = await ConnectAsync();
        await client.SendLineAsync("bonjour");
        var row = $"tr[data-session='{SessionIdOf(client)}']";
        table.WaitForAssertion(() => table.Find($"{row} .name-edit"), Timeout);

        await table.ClickAsync($"{row} .name-edit");
        Assert.False(table.Find($"{row} .name-port-only input").HasAttribute("checked")); // one connection from this address
        await table.InputAsync($"{row} .name-input", "  Alice <b>Martin</b> ");
        await table.InvokeAsync(() => table.Find($"{row} form.name-form").Submit());

        table.WaitForAssertion(() => Assert.Equal("Alice <b>Martin</b>", table.Find($"{row} .client-name").TextContent), Timeout);
        Assert.Empty(table.FindAll($"{row} b"));
        Assert.Equal("Alice <b>Martin</b>", Roster.Exact("127.0.0.1", null)?.Name);
        mirror.WaitForAssertion(() => Assert.Equal("Alice <b>Martin</b>", mirror.FindAll(".mirror-line")[^1].QuerySelector(".name")?.TextContent), Timeout);
    }

    [Fact]
    public async Task Two_connections_from_one_address_are_named_by_port_and_a_bad_name_is_refused_with_its_reason()
    {
        var table = Render<ConnectionsTable>();
        await using var alice = await ConnectAsync();
        await using var bob = await ConnectAsync();
        var aliceRow = $"tr[data-session='{SessionIdOf(alice)}']";
        var bobRow = $"tr[data-session='{SessionIdOf(bob)}']";
        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("tr.session-row").Count), Timeout);

        await table.ClickAsync($"{aliceRow} .name-edit");
        Assert.True(table.Find($"{aliceRow} .name-port-only input").HasAttribute("checked"));
        await table.InputAsync($"{aliceRow} .name-input", "Bob] [127.0.0.1");
        await table.InvokeAsync(() => table.Find($"{aliceRow} form.name-form").Submit());
        Assert.Contains("cannot hold [ or ]", table.Find($"{aliceRow} .name-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(Roster.Entries);

        await table.InputAsync($"{aliceRow} .name-input", "Alice");
        await table.InvokeAsync(() => table.Find($"{aliceRow} form.name-form").Submit());

        table.WaitForAssertion(() => Assert.Equal("Alice", table.Find($"{aliceRow} .client-name").TextContent), Timeout);
        Assert.Equal("", table.Find($"{bobRow} .client-name").TextContent);
        var entry = Assert.Single(Roster.Entries);
        Assert.Equal(("127.0.0.1", alice.LocalEndPoint.Port), (entry.Ip, entry.Port));

        // Unticking "port N only" names the whole address, and this port's own name gives way to it.
        await table.ClickAsync($"{aliceRow} .name-edit");
        await table.InvokeAsync(() => table.Find($"{aliceRow} .name-port-only input").Change(false));
        await table.InputAsync($"{aliceRow} .name-input", "Poste 12");
        await table.InvokeAsync(() => table.Find($"{aliceRow} form.name-form").Submit());

        table.WaitForAssertion(() => Assert.Equal("Poste 12", table.Find($"{bobRow} .client-name").TextContent), Timeout);
        Assert.Equal("Poste 12", table.Find($"{aliceRow} .client-name").TextContent);
        Assert.Null(Assert.Single(Roster.Entries).Port);
    }

    [Fact]
    public async Task A_name_set_elsewhere_shows_at_once_and_clearing_it_forgets_it()
    {
        var table = Render<ConnectionsTable>();
        await using var client = await ConnectAsync();
        var row = $"tr[data-session='{SessionIdOf(client)}']";
        table.WaitForAssertion(() => table.Find($"{row} .name-edit"), Timeout);

        await Roster.SetAsync(new RosterRow("127.0.0.1", null, "Chloé", "B4"), "prof", cancellationToken: Xunit.TestContext.Current.CancellationToken);
        table.WaitForAssertion(() => Assert.Equal("Chloé · B4", table.Find($"{row} .client-name-cell").TextContent.Trim().Replace("  ", " ", StringComparison.Ordinal)), Timeout);

        await table.ClickAsync($"{row} .name-edit");
        Assert.Equal("Chloé", table.Find($"{row} .name-input").GetAttribute("value"));
        await table.InputAsync($"{row} .name-input", " ");
        await table.InvokeAsync(() => table.Find($"{row} form.name-form").Submit());

        table.WaitForAssertion(() => Assert.Equal("", table.Find($"{row} .client-name").TextContent), Timeout);
        Assert.Empty(Roster.Entries);
    }
}
