namespace ChatOps.Web.Metrics;

/// <summary>Open Blazor circuits: the dashboard tabs following the engine (counted by <see cref="CircuitCounter"/>).</summary>
internal sealed class DashboardCircuits
{
    private long _open;

    public long Open => Interlocked.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);
}
