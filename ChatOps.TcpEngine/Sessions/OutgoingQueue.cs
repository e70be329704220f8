using System.Threading.Tasks.Sources;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// The lines waiting for one client's write loop. Any read loop may append (fan-out) under a short lock; the single
/// reader takes everything queued in one swap, so it takes the lock once per batch instead of once per line and never
/// holds it while bytes are written. Bounded in lines: <see cref="TryWrite"/> refuses what would take the queue past
/// <c>capacity</c> lines, except into an empty queue, so a relayed batch larger than the capacity is still delivered to a
/// client that keeps up.
/// </summary>
/// <remarks>
/// Replaces a bounded Channel, whose lock every TryWrite and every TryRead took: with 50 clients sending as fast as they
/// can, contention on those locks was a third of the server's managed CPU time (see docs/performance.md).
/// </remarks>
internal sealed class OutgoingQueue(int capacity) : IValueTaskSource<bool>
{
    private readonly Lock _lock = new();
    private List<OutgoingLines> _pending = [];
    private List<OutgoingLines> _taken = [];
    private int _pendingLines;
    private ManualResetValueTaskSourceCore<bool> _wakeUp = new() { RunContinuationsAsynchronously = true };
    private bool _completed;
    private bool _readerWaiting;

    /// <summary>False when the queue is full or completed; the caller decides what a full queue means.</summary>
    public bool TryWrite(ReadOnlyMemory<byte> line) => TryWrite(new OutgoingLines(line, 1));

    /// <inheritdoc cref="TryWrite(ReadOnlyMemory{byte})"/>
    public bool TryWrite(OutgoingLines lines)
    {
        lock (_lock)
        {
            if (_completed || (_pendingLines > 0 && _pendingLines + lines.Count > capacity))
                return false;
            _pending.Add(lines);
            _pendingLines += lines.Count;
            if (!_readerWaiting)
                return true;
            _readerWaiting = false;
        }
        _wakeUp.SetResult(true);
        return true;
    }

    /// <summary>No more lines: the reader drains what is queued, then <see cref="WaitToReadAsync"/> returns false.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            if (_completed)
                return;
            _completed = true;
            if (!_readerWaiting)
                return;
            _readerWaiting = false;
        }
        _wakeUp.SetResult(true);
    }

    /// <summary>Single reader: true when lines may be waiting, false once completed and empty. Allocates nothing.</summary>
    public ValueTask<bool> WaitToReadAsync()
    {
        lock (_lock)
        {
            if (_pending.Count > 0)
                return new ValueTask<bool>(true);
            if (_completed)
                return new ValueTask<bool>(false);
            _wakeUp.Reset();
            _readerWaiting = true;
        }
        return new ValueTask<bool>(this, _wakeUp.Version);
    }

    /// <summary>Single reader: everything queued so far, valid until the next call.</summary>
    public List<OutgoingLines> TakeAll()
    {
        _taken.Clear();
        lock (_lock)
        {
            (_pending, _taken) = (_taken, _pending);
            _pendingLines = 0;
        }
        return _taken;
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _wakeUp.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _wakeUp.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _wakeUp.OnCompleted(continuation, state, token, flags);
}
