using ChatOps.History.Audit;
using ChatOps.History.Roster;

namespace ChatOps.Tests.History;

/// <summary>The roster lives in the SQLite file, answers port-specific names first, checks names, and audits every change.</summary>
public sealed class RosterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Names_survive_a_restart_and_a_ports_name_wins_over_its_addresss()
    {
        await using (var first = await HistoryHost.StartAsync(_folder.Path))
        {
            var before = first.Roster.Version;
            Assert.True(await first.Roster.SetAsync(new RosterRow("192.168.1.23", null, "  Alice Martin ", "B4"), "prof", "192.168.1.2", Ct));
            Assert.True(await first.Roster.SetAsync(new RosterRow("192.168.1.23:5001", null, "Bob"), "prof", cancellationToken: Ct));
            Assert.True(await first.Roster.SetAsync(new RosterRow("::ffff:10.0.0.7", 40000, "Chloé"), "prof", cancellationToken: Ct));
            Assert.True(first.Roster.Version > before);
        }

        await using var second = await HistoryHost.StartAsync(_folder.Path);
        var roster = second.Roster;
        Assert.Equal(("Alice Martin", "B4"), (roster.Find("192.168.1.23", 5000)!.Name, roster.Find("192.168.1.23", 5000)!.Seat));
        Assert.Equal("Bob", roster.Find("192.168.1.23", 5001)!.Name);
        Assert.Equal("Alice Martin", roster.Find("192.168.1.23", null)!.Name);
        Assert.Equal("Chloé", roster.Find("10.0.0.7", 40000)!.Name);
        Assert.Null(roster.Find("10.0.0.7", 40001));
        Assert.Null(roster.Find("192.168.1.24", 5000));
        Assert.Equal(["10.0.0.7:40000", "192.168.1.23", "192.168.1.23:5001"], roster.Entries.Select(e => e.Where));

        Assert.True(await roster.RemoveAsync("192.168.1.23", 5001, "prof", "192.168.1.2", Ct));
        Assert.False(await roster.RemoveAsync("192.168.1.23", 5001, "prof", cancellationToken: Ct));
        Assert.Equal("Alice Martin", roster.Find("192.168.1.23", 5001)!.Name);
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_and_from_where()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        await host.Roster.SetAsync(new RosterRow("::1", 5000, "Alice"), "prof", "192.168.1.2", Ct);
        await host.Roster.ImportAsync([new RosterRow("10.0.0.1", null, "Bob"), new RosterRow("10.0.0.2", null, "Carl", "12")], "prof", "192.168.1.2", "class.csv", Ct);
        await host.Roster.RemoveAsync("::1", 5000, "prof", "192.168.1.2", Ct);

        var audit = (await host.Audit.ListAsync(cancellationToken: Ct)).Items.Select(r => r.Entry).ToList();
        Assert.All(audit, a => Assert.Equal((AuditAction.Roster, "prof", "192.168.1.2"), (a.Action, a.Actor, a.ActorIp)));
        Assert.Equal(["[::1]:5000", "class.csv", "[::1]:5000"], audit.Select(a => a.Target).Reverse());
        Assert.Equal(["Alice", "2 name(s) imported", "name removed (was Alice)"], audit.Select(a => a.Detail).Reverse());
    }

    [Theory]
    [InlineData("Alice", null)]
    [InlineData("   ", RosterProblem.Empty)]
    [InlineData("Alice\nBob", RosterProblem.Hidden)]
    [InlineData("Ali\u001b[31mce", RosterProblem.Hidden)]
    [InlineData("Alice\u202eecilA", RosterProblem.Hidden)]
    [InlineData("Alice] [10.0.0.9", RosterProblem.Brackets)]
    [InlineData("10.0.0.9", RosterProblem.LooksLikeAddress)]
    [InlineData("[::1]:5000", RosterProblem.Brackets)]
    [InlineData("12", null)]
    [InlineData("<b>Alice</b>", null)]
    public async Task Names_are_checked_before_they_are_kept(string name, RosterProblem? expected)
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);

        Assert.Equal(expected, host.Roster.Check(new RosterRow("10.0.0.1", null, name), out _));
        if (expected is not null)
            await Assert.ThrowsAsync<ArgumentException>(() => host.Roster.SetAsync(new RosterRow("10.0.0.1", null, name), "prof", cancellationToken: Ct));
    }

    [Fact]
    public async Task Addresses_and_lengths_are_checked_too()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path, new() { ["Data:MaxNameLength"] = "5" });

        Assert.Equal(RosterProblem.TooLong, host.Roster.Check(new RosterRow("10.0.0.1", null, "Alicia"), out _));
        Assert.Null(host.Roster.Check(new RosterRow("10.0.0.1", null, " Alice "), out var clean));
        Assert.Equal(new RosterRow("10.0.0.1", null, "Alice"), clean);
        Assert.Equal(RosterProblem.BadAddress, host.Roster.Check(new RosterRow("pc-12", null, "Alice"), out _));
        Assert.Equal(RosterProblem.BadAddress, host.Roster.Check(new RosterRow("12", null, "Alice"), out _));
        Assert.Equal(RosterProblem.BadAddress, host.Roster.Check(new RosterRow("10.0.0.1:70000", null, "Alice"), out _));
        Assert.Null(host.Roster.Check(new RosterRow("[::1]:5000", null, "Alice"), out var v6));
        Assert.Equal(("::1", (int?)5000), (v6.Ip, v6.Port));
        Assert.Null(host.Roster.Check(new RosterRow("::1", null, "Alice"), out var v6All));
        Assert.Equal(("::1", (int?)null), (v6All.Ip, v6All.Port));
        Assert.Equal(RosterProblem.TooLong, host.Roster.Check(new RosterRow("10.0.0.1", null, "Alice", "seat 12"), out _));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
