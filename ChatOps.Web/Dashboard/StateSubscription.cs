namespace ChatOps.Web.Dashboard;

/// <summary>A component's registration for change pushes; disposing twice is harmless.</summary>
internal sealed class StateSubscription(Func<Task> onChanged, Action<StateSubscription> remove) : IDisposable
{
    private int _disposed;

    public Func<Task> OnChanged { get; } = onChanged;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            remove(this);
    }
}
