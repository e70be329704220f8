using ChatOps.Tests.Support;
using ChatOps.Web.Hubs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Web;

public sealed class HubOutboxTests
{
    [Fact]
    public async Task A_connection_that_does_not_take_its_messages_loses_its_own_counted_and_logged_once()
    {
        var client = new StuckClient();
        var logs = new FakeLogger();
        var outbox = new HubOutbox("stuck-1", client, new FakeTimeProvider(), logs);

        outbox.Offer([Event()]);
        await client.FirstSend.WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);
        // The sender waits on the first message; the queue takes Capacity more, then loses what comes.
        for (var i = 0; i < HubOutbox.Capacity + 3; i++)
            outbox.Offer([Event(), Event()]);

        Assert.Equal(6, outbox.Lost);
        var report = Assert.Single(logs.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, report.Level);
        Assert.Contains("stuck-1 missed 2 event(s)", report.Message, StringComparison.Ordinal);

        outbox.Complete();
        Assert.Contains("stuck-1 missed 4 event(s)", logs.Collector.LatestRecord.Message, StringComparison.Ordinal);
        client.Release();
        await outbox.Completion.WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task What_a_connection_lost_still_counts_after_it_is_gone()
    {
        var client = new StuckClient();
        using var subscribers = new HubSubscribers(_ => client, new FakeTimeProvider(), new FakeLogger());
        subscribers.Add("stuck-1");

        subscribers.Offer([Event()]);
        await client.FirstSend.WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);
        for (var i = 0; i < HubOutbox.Capacity + 2; i++)
            subscribers.Offer([Event()]);
        Assert.Equal(2, subscribers.Lost);

        // SignalR closes a connection that stopped reading; the host's count since start keeps what it lost.
        subscribers.Remove("stuck-1");
        client.Release();
        Assert.Equal(0, subscribers.Count);
        Assert.Equal(2, subscribers.Lost);
    }

    private static HubEvent Event() => new("LineDelivered", DateTimeOffset.UtcNow);

    /// <summary>A hub client whose first send completes only when the test says so, as a connection that stopped reading.</summary>
    private sealed class StuckClient : IChatOpsClient
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstSend => _first.Task;

        public void Release() => _release.TrySetResult();

        public Task EngineEvents(IReadOnlyList<HubEvent> events)
        {
            _first.TrySetResult();
            return _release.Task;
        }
    }
}
