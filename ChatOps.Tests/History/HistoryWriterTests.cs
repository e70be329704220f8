using ChatOps.History.Queries;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.History;

public sealed class HistoryWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_engines_start_and_shutdown_are_recorded_whichever_was_added_first(bool historyFirst)
    {
        await using (var host = await HistoryHost.StartAsync(_folder.Path, historyFirst: historyFirst))
            host.Engine.Broadcast("between start and stop");

        await using var reopened = await HistoryHost.StartAsync(_folder.Path, historyFirst: historyFirst);
        var first = (await reopened.Queries.ListSessionsAsync(cancellationToken: Ct)).Items[^1];
        var lines = (await reopened.Queries.GetLinesAsync(new LineQuery(first.Id), Ct)).Items;
        Assert.Equal([LineKind.Started, LineKind.Operator, LineKind.Stopped], lines.Select(l => l.Kind));
        Assert.Equal("Shutdown", first.StopReason);
    }

    [Fact]
    public async Task A_writer_that_falls_behind_loses_events_it_counts_and_never_slows_the_engine()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path, new() { ["Data:QueueCapacity"] = "16" });
        await host.FlushAsync(); // the start is written: the queue is empty

        const int Published = 2000;
        for (var i = 0; i < Published; i++)
            host.Engine.Broadcast($"burst {i}");
        await host.FlushAsync();

        var health = host.Status.Current;
        var stored = (await host.Queries.GetLinesAsync(new LineQuery(Text: "burst "), Ct)).Total;
        Assert.True(health.EventsDropped > 0, "a 16-event queue should overflow under 2000 events published at once");
        Assert.Equal(Published, stored + health.EventsDropped);
        Assert.False(health.IsFaulted);
    }

    [Fact]
    public async Task Under_a_flood_each_round_takes_its_budget_and_a_flush_takes_the_rest()
    {
        // 50 events/s with rounds of 200 ms: a round takes 10. The queue holds the whole burst, so nothing is dropped.
        await using var host = await HistoryHost.StartAsync(_folder.Path, new() { ["Data:MaxEventsPerSecond"] = "50" });
        await host.FlushAsync();

        const int Published = 200;
        for (var i = 0; i < Published; i++)
            host.Engine.Broadcast($"flood {i}");
        var before = host.Status.Current.LinesWritten;
        await Eventually.HoldsAsync(() => host.Status.Current.LinesWritten > before, "a round writes part of the flood");
        // A round takes 10; half the burst would take ten rounds (2 s), far more than one poll of the status.
        Assert.InRange(host.Status.Current.LinesWritten - before, 1, Published / 2);

        await host.FlushAsync();
        Assert.Equal(Published, await StoredAsync(host));
        Assert.Equal(0, host.Status.Current.EventsDropped);
    }

    private static async Task<long> StoredAsync(HistoryHost host) =>
        (await host.Queries.GetLinesAsync(new LineQuery(Text: "flood "), Ct)).Total;

    public void Dispose() => _folder.Dispose();
}
