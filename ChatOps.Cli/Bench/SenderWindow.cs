namespace ChatOps.Cli.Bench;

/// <summary>
/// The in-flight window of one as-fast-as-possible sender: lines sent minus lines its tracking receiver has seen.
/// The receiver wakes the sender only when the sender said it is waiting, so acknowledging costs no allocation.
/// </summary>
internal sealed class SenderWindow(int size) : IDisposable
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(200);
    private readonly SemaphoreSlim _signal = new(0);
    private long _acked;
    private int _waiting;

    public int Size { get; } = size;

    public long Acked => Volatile.Read(ref _acked);

    /// <summary>Called by the tracking receiver only (single writer).</summary>
    public void Ack(long sequence)
    {
        if (sequence + 1 <= _acked)
            return;
        Volatile.Write(ref _acked, sequence + 1);
        if (Volatile.Read(ref _waiting) != 0 && Interlocked.Exchange(ref _waiting, 0) != 0)
            _signal.Release();
    }

    /// <summary>How many lines may be sent now; waits (bounded, rechecking) while the window is full.</summary>
    public async ValueTask<int> WaitForRoomAsync(long sent, CancellationToken cancellationToken)
    {
        var room = Size - (int)(sent - Acked);
        if (room > 0)
            return room;
        Volatile.Write(ref _waiting, 1);
        room = Size - (int)(sent - Acked);
        // Lost lines are never acknowledged: the recheck keeps a sender moving once later lines arrive.
        if (room <= 0 && await _signal.WaitAsync(Recheck, cancellationToken))
            return Size - (int)(sent - Acked);
        if (Interlocked.Exchange(ref _waiting, 0) == 0)
            await _signal.WaitAsync(cancellationToken); // The receiver released after all: take that release now.
        return Size - (int)(sent - Acked);
    }

    public void Dispose() => _signal.Dispose();
}
