namespace ChatOps.Tests.Cluster;

/// <summary>
/// Holds a cluster bus's reader before its next read of the stream while closed (the bus's <c>beforeRead</c>): lines its
/// host appends meanwhile stay unread on that host. <see cref="Close"/> completes once the reader waits at the gate, so
/// that nothing sent after it can have been read back already.
/// </summary>
internal sealed class ReadGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = Completed();
    private TaskCompletionSource _held = Completed();

    /// <summary>Closes the gate; the task completes when the reader has come to it (within the bus's idle poll).</summary>
    public Task Close()
    {
        lock (_lock)
        {
            if (_open.Task.IsCompleted)
                (_open, _held) = (New(), New());
            return _held.Task;
        }
    }

    public void Open()
    {
        lock (_lock)
            _open.TrySetResult();
    }

    /// <summary>The bus's <c>beforeRead</c>.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        Task open;
        lock (_lock)
        {
            open = _open.Task;
            if (!open.IsCompleted)
                _held.TrySetResult();
        }
        return open.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource Completed()
    {
        var done = New();
        done.SetResult();
        return done;
    }
}
