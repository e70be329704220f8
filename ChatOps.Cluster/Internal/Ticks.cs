namespace ChatOps.Cluster.Internal;

internal static class Ticks
{
    /// <summary>The timer's next tick; false once <paramref name="stop"/> is cancelled (the loop ends, no exception).</summary>
    public static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
