namespace ChatOps.Cli.Bench;

/// <summary>
/// The in-flight window of one as-fast-as-possible sender: lines sent minus lines the slowest other client has seen.
/// Bounding by the slowest receiver keeps every client's backlog at the relay below senders × window, so a relay that
/// cuts clients which fall too far behind (ChatOps does) is measured, not provoked.
/// A receiver wakes the sender only when the sender said it is waiting, so acknowledging allocates nothing.
/// </summary>
internal sealed class SenderWindow(int size, int sender, int clients) : IDisposable
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(200);
    private readonly SemaphoreSlim _signal = new(0);
    private readonly long[] _seen = new long[clients];
    private int _waiting;

    public int Size { get; } = size;

    /// <summary>Lines every other client has seen.</summary>
    public long Acked
    {
        get
        {
            var min = long.MaxValue;
            for (var r = 0; r < _seen.Length; r++)
            {
                if (r != sender)
                    min = Math.Min(min, Volatile.Read(ref _seen[r]));
            }
            return min == long.MaxValue ? 0 : min;
        }
    }

    /// <summary>Called by receiver <paramref name="receiver"/>'s loop only (one writer per slot).</summary>
    public void Ack(int receiver, long sequence)
    {
        if (sequence + 1 <= _seen[receiver])
            return;
        Volatile.Write(ref _seen[receiver], sequence + 1);
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
            await _signal.WaitAsync(cancellationToken); // A receiver released after all: take that release now.
        return Size - (int)(sent - Acked);
    }

    public void Dispose() => _signal.Dispose();
}
