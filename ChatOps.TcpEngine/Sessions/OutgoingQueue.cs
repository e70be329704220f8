using System.Threading.Tasks.Sources;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// The lines waiting for one client's write loop. Any thread may append (fan-out) under a short lock; the single reader
/// takes everything queued in one swap, so it takes the lock once per batch instead of once per line and never holds it
/// while bytes are written.
/// </summary>
/// <remarks>
/// <para>
/// Bounded in bytes for flow control, not by refusal: a write is always accepted until the queue is completed, and the
/// queue reports when it is full (queued plus being written reaches <c>maxBytes</c>). The senders of its lines then pause
/// (<see cref="WhenRoomAsync"/>) until the write loop has drained it to half, as RabbitMQ's flow control blocks publishers
/// between a high and a low watermark; the gap keeps a slow reader from pausing and resuming its senders on every batch.
/// </para>
/// <para>
/// Replaces a bounded Channel, whose lock every TryWrite and every TryRead took: with 50 clients sending as fast as they
/// can, contention on those locks was a third of the server's managed CPU time (see docs/performance.md).
/// </para>
/// </remarks>
internal sealed class OutgoingQueue(int maxBytes) : IValueTaskSource<bool>
{
    private readonly Lock _lock = new();
    private List<OutgoingLines> _pending = [];
    private List<OutgoingLines> _taken = [];
    private long _queuedBytes;
    private long _takenBytes;
    private ManualResetValueTaskSourceCore<bool> _wakeUp = new() { RunContinuationsAsynchronously = true };
    private TaskCompletionSource? _room;
    private bool _completed;
    private bool _readerWaiting;
    private volatile bool _full;

    /// <summary>Queued plus being written has reached the bound, and has not drained to half since.</summary>
    public bool IsFull => _full;

    /// <summary>Bytes queued or being written.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_lock)
                return _queuedBytes;
        }
    }

    /// <summary>Appends the lines; false only once completed. <paramref name="becameFull"/>: this write filled the queue.</summary>
    public bool TryWrite(OutgoingLines lines, out bool becameFull)
    {
        becameFull = false;
        lock (_lock)
        {
            if (_completed)
                return false;
            _pending.Add(lines);
            _queuedBytes += lines.Bytes.Length;
            if (!_full && _queuedBytes >= maxBytes)
            {
                _full = true;
                becameFull = true;
            }
            if (!_readerWaiting)
                return true;
            _readerWaiting = false;
        }
        _wakeUp.SetResult(true);
        return true;
    }

    /// <summary>Completes when the queue is no longer full (drained to half, or completed); at once if it is not full.</summary>
    public Task WhenRoomAsync()
    {
        lock (_lock)
        {
            // Complete() clears the full flag: a completed queue never makes anyone wait.
            if (!_full)
                return Task.CompletedTask;
            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _room.Task;
        }
    }

    /// <summary>No more lines: the reader drains what is queued, then <see cref="WaitToReadAsync"/> returns false. Paused senders resume.</summary>
    public void Complete()
    {
        TaskCompletionSource? room;
        bool wake;
        lock (_lock)
        {
            if (_completed)
                return;
            _completed = true;
            _full = false;
            room = _room;
            _room = null;
            wake = _readerWaiting;
            _readerWaiting = false;
        }
        room?.TrySetResult();
        if (wake)
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

    /// <summary>
    /// Single reader: everything queued so far, valid until the next call. Its bytes still count as queued until
    /// <see cref="Written"/>: a batch the socket has not taken yet is memory held for the client all the same.
    /// </summary>
    public List<OutgoingLines> TakeAll()
    {
        _taken.Clear();
        long bytes = 0;
        lock (_lock)
        {
            (_pending, _taken) = (_taken, _pending);
        }
        foreach (var lines in _taken)
            bytes += lines.Bytes.Length;
        _takenBytes = bytes;
        return _taken;
    }

    /// <summary>Single reader: the batch of the last <see cref="TakeAll"/> is written. Resumes paused senders below half.</summary>
    public void Written()
    {
        TaskCompletionSource? room = null;
        lock (_lock)
        {
            _queuedBytes -= _takenBytes;
            if (_full && _queuedBytes <= maxBytes / 2)
            {
                _full = false;
                room = _room;
                _room = null;
            }
        }
        _takenBytes = 0;
        room?.TrySetResult();
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _wakeUp.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _wakeUp.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _wakeUp.OnCompleted(continuation, state, token, flags);
}
