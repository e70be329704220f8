using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ChatOps.Tests.Web;

/// <summary>A circuit that hangs or throws (a closed laptop, a component's bug) must cost only itself: other dashboards keep rendering.</summary>
public sealed class StuckDashboardSubscriberTests : IAsyncLifetime
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);

    private LiveDashboard _live = default!;

    public async ValueTask InitializeAsync() => _live = await LiveDashboard.StartAsync();

    public async ValueTask DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public async Task A_subscriber_that_never_returns_does_not_freeze_the_others()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stuck = _live.State.Subscribe(() => never.Task);
        try
        {
            // The stuck one holds the first push and keeps the second waiting: the third is skipped, counted and logged.
            await AnotherSubscriberSeesAsync("first", "second", "third");
            Assert.Contains(_live.StateLogs.Collector.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("skipped", StringComparison.Ordinal));
        }
        finally
        {
            never.TrySetResult();
        }
    }

    [Fact]
    public async Task A_subscriber_that_throws_does_not_end_the_feed()
    {
        using var broken = _live.State.Subscribe(() => throw new FormatException("a component's bug"));

        await AnotherSubscriberSeesAsync("first", "second");
        // The broken one's own sender logs its failure (it may still be on its way), once: the next report waits for the interval.
        using var cts = new CancellationTokenSource(LineReader.DefaultTimeout);
        var failure = await _live.StateLogs.Collector.GetLogsAsync(cts.Token).FirstAsync(r => r.Level == LogLevel.Warning, cts.Token);
        Assert.IsType<FormatException>(failure.Exception);
        Assert.Single(_live.StateLogs.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
    }

    /// <summary>A healthy subscriber gets a push showing each line, one after the other (the feed goes on after a fault).</summary>
    private async Task AnotherSubscriberSeesAsync(params string[] lines)
    {
        using var seen = new SemaphoreSlim(0);
        var expected = lines[0];
        using var healthy = _live.State.Subscribe(() =>
        {
            if (_live.State.Current.Mirror.Any(l => l.Text == Volatile.Read(ref expected)))
                seen.Release();
            return Task.CompletedTask;
        });
        foreach (var line in lines)
        {
            Volatile.Write(ref expected, line);
            _live.Engine.Events.Publish(new LineReceived(DateTimeOffset.UtcNow, 1, "127.0.0.1", line, ProtocolWord.None));
            Assert.True(await seen.WaitAsync(Prompt, Xunit.TestContext.Current.CancellationToken), $"no push showed '{line}' within {Prompt.TotalSeconds} s");
        }
    }
}
