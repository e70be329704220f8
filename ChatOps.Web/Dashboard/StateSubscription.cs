namespace ChatOps.Web.Dashboard;

/// <summary>A component's registration for change pushes; disposing twice is harmless.</summary>
internal sealed class StateSubscription(Func<Task> onChanged, Action<StateSubscription> remove) : IDisposable
{
    private int _disposed;

    /// <summary>Calls the component back, unless it unsubscribed since the push took its list of subscribers.</summary>
    public Task NotifyAsync() => Volatile.Read(ref _disposed) == 0 ? onChanged() : Task.CompletedTask;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            remove(this);
    }
}
