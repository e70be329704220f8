using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// The dashboard's single reader of the engine's events. It subscribes in <see cref="StartAsync"/> (before the engine
/// starts, so no event is missed), then drains events in batches: one push per render interval, and one per second
/// when nothing happens so uptime and "unfinished line for N s" keep counting.
/// </summary>
internal sealed class DashboardFeed(ChatServer server, DashboardState state, IOptions<DashboardOptions> options, TimeProvider time, ILogger<DashboardFeed> logger)
    : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private EventSubscription? _events;
    private Task _loop = Task.CompletedTask;
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Deliveries repeat the received line and the dashboard shows neither them nor their count: not queued at all.
        _events = server.Events.Subscribe(wants: ChatEventFeed.AllButDeliveries);
        _loop = RunAsync(_events, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host whose start failed still stops its services, after the container has disposed this one.
        if (_disposed)
            return;
        await _stopping.CancelAsync();
        _events?.Dispose();
        await _loop.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await _stopping.CancelAsync();
        _events?.Dispose();
        await _loop;
        _stopping.Dispose();
    }

    private async Task RunAsync(EventSubscription events, CancellationToken stopping)
    {
        var reader = events.Reader;
        var batch = new List<ChatEvent>();
        var waiting = reader.WaitToReadAsync(stopping).AsTask();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.WhenAny(waiting, Task.Delay(Tick, time, stopping));
                if (waiting.IsCompleted && !await waiting)
                    return;
                batch.Clear();
                while (reader.TryRead(out var e))
                    batch.Add(e);
                if (waiting.IsCompleted)
                    waiting = reader.WaitToReadAsync(stopping).AsTask();
                state.Publish(batch, events.Dropped);
                // The throttle: whatever arrives meanwhile waits in the subscription's bounded queue for the next batch.
                await Task.Delay(options.Value.RenderInterval, time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: the loop ends here.
        }
        catch (Exception ex)
        {
            DashboardLog.FeedFailed(logger, ex);
        }
    }
}
