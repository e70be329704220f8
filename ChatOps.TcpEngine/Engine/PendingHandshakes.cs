using System.Collections.Concurrent;

namespace ChatOps.TcpEngine.Engine;

/// <summary>
/// Connections still being set up before they join the room (a balancer's PROXY header being read). The accept loop owns
/// one and stops it when it ends, so that no connection joins a room that has stopped.
/// </summary>
internal sealed class PendingHandshakes : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Runs <paramref name="handshake"/> (which handles its own faults), cancelled by <see cref="StopAsync"/>.</summary>
    public void Start(Func<CancellationToken, Task> handshake)
    {
        var task = handshake(_stop.Token);
        // Added before the removal is attached, so a handshake that is already over is removed, not kept.
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Cancels the handshakes under way and waits for them to close their connections.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running.Keys);
    }

    public void Dispose() => _stop.Dispose();
}
