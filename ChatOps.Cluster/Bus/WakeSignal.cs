namespace ChatOps.Cluster.Bus;

/// <summary>
/// The reader's wake-up: set by the room's pub/sub channel, awaited between reads. One pending wake-up is enough, since
/// the reader reads everything there is when it wakes; extra ones are merged.
/// </summary>
internal sealed class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Set()
    {
        if (_pending.CurrentCount > 0)
            return;
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another thread set it in between: the reader wakes once, as wanted.
        }
    }

    /// <summary>Waits for a wake-up, at most <paramref name="timeout"/> (a wake-up lost while reconnecting costs that much).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken stop) => _pending.WaitAsync(timeout, stop);

    public void Dispose() => _pending.Dispose();
}
