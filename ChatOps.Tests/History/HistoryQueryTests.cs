using ChatOps.History.Queries;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.History;

/// <summary>Paging and search are done by SQLite; these check them against lines produced by a real engine.</summary>
public sealed class HistoryQueryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lines_are_paged_in_order_and_searched_by_text_ip_and_time()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        for (var i = 0; i < 250; i++)
            host.Engine.Broadcast($"note {i}");
        using var events = new EventLog(host.Engine.Events);
        await using var client = await host.ConnectAsync();
        await client.SendLineAsync("100% sure");
        await client.SendLineAsync("under_score");
        await client.SendLineAsync("bye");
        await client.ReadUntilAsync(l => l.StartsWith("* goodbye", StringComparison.Ordinal));
        // The disconnect is published once the connection is over, a moment after the goodbye is written.
        await events.WaitForAsync<ClientDisconnected>();
        await host.FlushAsync();
        var session = (await host.Queries.ListSessionsAsync(cancellationToken: Ct)).Items.Single().Id;

        var all = new List<HistoryLine>();
        for (var page = 0; ; page++)
        {
            var result = await host.Queries.GetLinesAsync(new LineQuery(session, PageIndex: page, PageSize: 100), Ct);
            Assert.True(result.Items.Count <= 100);
            all.AddRange(result.Items);
            if (result.Items.Count < 100)
            {
                Assert.Equal(all.Count, result.Total);
                break;
            }
        }
        Assert.Equal(1 + 250 + 1 + 3 + 1, all.Count); // started, notes, connected, chat + bye, disconnected
        Assert.Equal(all.Select(l => l.Id).Order(), all.Select(l => l.Id));

        var notes = await host.Queries.GetLinesAsync(new LineQuery(session, Text: "NOTE 1", PageSize: 500), Ct);
        Assert.Equal(111, notes.Total); // note 1, note 10-19, note 100-199
        Assert.All(notes.Items, l => Assert.StartsWith("note 1", l.Text, StringComparison.Ordinal));

        Assert.Equal("100% sure", Assert.Single((await host.Queries.GetLinesAsync(new LineQuery(session, Text: "%"), Ct)).Items).Text);
        Assert.Equal("under_score", Assert.Single((await host.Queries.GetLinesAsync(new LineQuery(session, Text: "_"), Ct)).Items).Text);

        var fromClient = await host.Queries.GetLinesAsync(new LineQuery(Ip: "127.0."), Ct);
        Assert.Equal(all.Count(l => l.Ip == "127.0.0.1"), fromClient.Total);
        Assert.Equal(5, fromClient.Total); // connected, two chat lines, bye, disconnected
        Assert.Equal(0, (await host.Queries.GetLinesAsync(new LineQuery(Ip: "10."), Ct)).Total);

        var (from, to) = (all[50].At, all[^3].At);
        var window = await host.Queries.GetLinesAsync(new LineQuery(session, From: from, To: to, PageSize: 500), Ct);
        Assert.Equal(all.Count(l => l.At >= from && l.At < to), window.Total);
        Assert.All(window.Items, l => Assert.InRange(l.At, from, to.AddTicks(-1)));
    }

    [Fact]
    public async Task Page_sizes_are_capped_and_bad_page_numbers_are_clamped()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path, new() { ["Data:MaxPageSize"] = "20" });
        for (var i = 0; i < 30; i++)
            host.Engine.Broadcast($"line {i}");
        await host.FlushAsync();

        var page = await host.Queries.GetLinesAsync(new LineQuery(PageIndex: -3, PageSize: 10_000), Ct);
        Assert.Equal((0, 20, 20), (page.PageIndex, page.PageSize, page.Items.Count));
        Assert.Equal(31, page.Total);
    }

    [Fact]
    public async Task Each_engine_run_is_a_lab_session_listed_newest_first_with_its_stop()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        await host.Engine.StopAsync(by: "prof", cancellationToken: Ct);
        await host.Engine.StartAsync(Ct);
        await host.Engine.ArretAsync("prof");
        await host.Engine.StartAsync(Ct);
        await host.FlushAsync();

        var first = await host.Queries.ListSessionsAsync(0, 2, Ct);
        Assert.Equal(3, first.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.Null(first.Items[0].StopReason);
        Assert.Equal(("Arret", "prof"), (first.Items[1].StopReason, first.Items[1].StoppedBy));
        var second = await host.Queries.ListSessionsAsync(1, 2, Ct);
        Assert.Equal(("Stopped", "prof"), (Assert.Single(second.Items).StopReason, second.Items[0].StoppedBy));
        Assert.True(first.Items[0].Id > first.Items[1].Id && first.Items[1].Id > second.Items[0].Id);
        Assert.Equal(2, second.Items[0].LineCount); // started, stopped
    }

    public void Dispose() => _folder.Dispose();
}
