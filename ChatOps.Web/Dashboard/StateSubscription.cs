using System.Threading.Channels;
using ChatOps.Web.Subscribers;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// One component's registration for change pushes, with its own sender: the feed never waits for a circuit, so a
/// circuit that hangs or throws costs only itself. Disposing twice is harmless.
/// </summary>
/// <remarks>
/// The buffer holds one push: a push carries no data (the component reads <see cref="DashboardState.Current"/> when it
/// renders), so while a call is in progress one more waits and the rest are skipped, counted and logged.
/// </remarks>
internal sealed class StateSubscription : IDisposable
{
    private readonly Channel<bool> _pushes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { SingleReader = true });
    private readonly Func<Task> _onChanged;
    private readonly Action<StateSubscription> _remove;
    private readonly ILogger _logger;
    private readonly LossCounter _skipped;
    private readonly LossCounter _failed;
    private int _disposed;

    public StateSubscription(Func<Task> onChanged, Action<StateSubscription> remove, TimeProvider time, ILogger logger)
    {
        _onChanged = onChanged;
        _remove = remove;
        _logger = logger;
        _skipped = new LossCounter(time);
        _failed = new LossCounter(time);
        Completion = RunAsync();
    }

    /// <summary>Completes when the sender has ended, after <see cref="Dispose"/> and the call in progress.</summary>
    public Task Completion { get; }

    /// <summary>Pushes skipped because the component was still handling an earlier one.</summary>
    public long Skipped => _skipped.Lost;

    /// <summary>Asks the sender to call the component back; never waits.</summary>
    public void Notify()
    {
        if (!_pushes.Writer.TryWrite(true) && Volatile.Read(ref _disposed) == 0 && _skipped.Add(1, out var skipped))
            DashboardLog.PushesSkipped(_logger, skipped);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _remove(this);
        _pushes.Writer.TryComplete();
    }

    private async Task RunAsync()
    {
        await foreach (var _ in _pushes.Reader.ReadAllAsync())
        {
            if (Volatile.Read(ref _disposed) != 0)
                return;
            try
            {
                await _onChanged();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                // A circuit that closed after the push was queued: it unsubscribes itself.
                DashboardLog.RenderSkipped(_logger, ex.Message);
            }
            catch (Exception ex)
            {
                // A component's bug: this circuit misses the push, the others never notice.
                if (_failed.Add(1, out var failures))
                    DashboardLog.PushFailed(_logger, failures, ex);
            }
        }
    }
}
