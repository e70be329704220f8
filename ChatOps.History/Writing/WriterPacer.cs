using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatOps.TcpEngine.Events;

namespace ChatOps.History.Writing;

/// <summary>
/// When the history writer wakes up: after a batching window once events arrive, at once on a flush request or on the
/// stop. While there is nothing to write it sleeps without a timer.
/// </summary>
internal sealed class WriterPacer(TimeProvider time, CancellationToken stopping)
{
    private readonly ConcurrentQueue<TaskCompletionSource> _flushes = new();
    private TaskCompletionSource _signal = NewSignal();

    /// <summary>Completes after the next round of the writer (see <see cref="TakeFlushRequests"/>).</summary>
    public Task RequestFlushAsync()
    {
        var request = NewSignal();
        _flushes.Enqueue(request);
        Volatile.Read(ref _signal).TrySetResult();
        return request.Task;
    }

    /// <summary>Waits for an event, a flush request or the stop.</summary>
    public async Task IdleAsync(ChannelReader<ChatEvent> reader)
    {
        if (stopping.IsCancellationRequested)
            return;
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var wake = reader.WaitToReadAsync(cut.Token).AsTask();
        await Task.WhenAny(wake, Volatile.Read(ref _signal).Task);
        await cut.CancelAsync();
    }

    /// <summary>Waits <paramref name="interval"/> (the batching window, or the wait before a retry), less on a flush request or the stop.</summary>
    public async Task PauseAsync(TimeSpan interval)
    {
        if (stopping.IsCancellationRequested)
            return;
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var delay = Task.Delay(interval, time, cut.Token);
        await Task.WhenAny(delay, Volatile.Read(ref _signal).Task);
        await cut.CancelAsync();
    }

    /// <summary>
    /// The requests made so far. Taken before the writer drains its subscription, so every event published before a
    /// request is in the round that answers it.
    /// </summary>
    public List<TaskCompletionSource> TakeFlushRequests()
    {
        if (Volatile.Read(ref _signal).Task.IsCompleted)
            Interlocked.Exchange(ref _signal, NewSignal());
        var requests = new List<TaskCompletionSource>();
        while (_flushes.TryDequeue(out var request))
            requests.Add(request);
        return requests;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
