using System.Diagnostics;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;
using ChatOps.Tests.Support;
using ChatOps.Web.Dashboard;

namespace ChatOps.Tests.Web;

public sealed class DashboardFeedTests : IAsyncLifetime
{
    private LiveDashboard _live = default!;

    public async ValueTask InitializeAsync() => _live = await LiveDashboard.StartAsync();

    public async ValueTask DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public async Task A_burst_of_lines_costs_a_few_pushes_not_one_per_line()
    {
        const int Lines = 3000;
        var pushes = 0;
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _live.State.Subscribe(() =>
        {
            Interlocked.Increment(ref pushes);
            if (_live.State.Current.Mirror is [.., { Text: "line 2999" }])
                last.TrySetResult();
            return Task.CompletedTask;
        });

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Lines; i++)
            _live.Engine.Events.Publish(new LineReceived(DateTimeOffset.UtcNow, 1, "127.0.0.1", $"line {i}", ProtocolWord.None));
        await last.Task.WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);
        clock.Stop();

        // At most one push per render interval (100 ms), plus the tick and the one in flight when the burst began.
        var allowed = (int)(clock.Elapsed / _live.State.Options.RenderInterval) + 3;
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"{Lines} lines in {clock.ElapsedMilliseconds} ms: {pushes} pushes (at most {allowed} allowed)");
        Assert.InRange(pushes, 1, allowed);
        Assert.Equal(_live.State.Options.MirrorCapacity, _live.State.Current.Mirror.Count);
    }

    [Fact]
    public async Task Unsubscribed_components_get_no_more_pushes()
    {
        var pushes = 0;
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = _live.State.Subscribe(() =>
        {
            Interlocked.Increment(ref pushes);
            first.TrySetResult();
            return Task.CompletedTask;
        });
        await first.Task.WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);

        subscription.Dispose();
        subscription.Dispose();
        // Each subscriber has its own sender: once it has ended, a push that began before the unsubscription is over.
        await ((StateSubscription)subscription).Completion.WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken);
        var after = Volatile.Read(ref pushes);
        using var witnessed = new SemaphoreSlim(0);
        using var witness = _live.State.Subscribe(() =>
        {
            if (_live.State.Current.Mirror.Any(l => l.Text == "after"))
                witnessed.Release();
            return Task.CompletedTask;
        });
        _live.Engine.Events.Publish(new LineReceived(DateTimeOffset.UtcNow, 1, "127.0.0.1", "after", ProtocolWord.None));
        Assert.True(await witnessed.WaitAsync(LineReader.DefaultTimeout, Xunit.TestContext.Current.CancellationToken));

        Assert.Equal(after, Volatile.Read(ref pushes));
    }
}
