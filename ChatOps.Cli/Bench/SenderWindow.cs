namespace ChatOps.Cli.Bench;

/// <summary>
/// The in-flight window of one as-fast-as-possible sender: lines sent minus lines acknowledged, where acknowledged
/// means seen by the witness client (<see cref="WindowAck.Witness"/>) or by the slowest open client
/// (<see cref="WindowAck.Slowest"/>). A client the relay closed no longer acknowledges: with no one left to do it,
/// the sender stops instead of waiting for ever.
/// A receiver wakes the sender only when the sender said it is waiting, so acknowledging allocates nothing.
/// </summary>
internal sealed class SenderWindow : IDisposable
{
    private const long Closed = long.MaxValue;
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(200);
    private readonly SemaphoreSlim _signal = new(0);
    private readonly long[] _seen;
    private readonly int _sender;
    private readonly int _witness;
    private int _waiting;

    public SenderWindow(int size, int sender, int clients, WindowAck ack)
    {
        Size = size;
        _sender = sender;
        _seen = new long[clients];
        _witness = ack == WindowAck.Witness ? WitnessFor(sender, clients) : -1;
    }

    public int Size { get; }

    /// <summary>
    /// The last client acknowledges every sender's lines (so it may pace them all; the relay never holds more than
    /// senders × window lines for it), except its own, which the first client acknowledges: relays don't echo.
    /// </summary>
    public static int WitnessFor(int sender, int clients) => sender == clients - 1 ? 0 : clients - 1;

    /// <summary>Lines acknowledged; null once every client that could acknowledge was closed.</summary>
    public long? Acked
    {
        get
        {
            if (_witness >= 0)
                return Volatile.Read(ref _seen[_witness]) is var w && w == Closed ? null : w;
            var min = Closed;
            for (var r = 0; r < _seen.Length; r++)
            {
                if (r != _sender)
                    min = Math.Min(min, Volatile.Read(ref _seen[r]));
            }
            return min == Closed ? null : min;
        }
    }

    /// <summary>Called by receiver <paramref name="receiver"/>'s loop only (one writer per slot).</summary>
    public void Ack(int receiver, long sequence)
    {
        if ((_witness >= 0 && receiver != _witness) || sequence + 1 <= _seen[receiver])
            return;
        Volatile.Write(ref _seen[receiver], sequence + 1);
        Wake();
    }

    /// <summary>The relay closed <paramref name="receiver"/>: it acknowledges nothing more and no longer holds the window.</summary>
    public void ReceiverClosed(int receiver)
    {
        Volatile.Write(ref _seen[receiver], Closed);
        Wake();
    }

    /// <summary>How many lines may be sent now (waits, bounded and rechecking, while the window is full); -1 when no client acknowledges any more.</summary>
    public async ValueTask<int> WaitForRoomAsync(long sent, CancellationToken cancellationToken)
    {
        var room = Room(sent);
        if (room != 0)
            return room;
        Volatile.Write(ref _waiting, 1);
        room = Room(sent);
        // Lost lines are never acknowledged: the recheck keeps a sender moving once later lines arrive.
        if (room == 0 && await _signal.WaitAsync(Recheck, cancellationToken))
            return Room(sent);
        if (Interlocked.Exchange(ref _waiting, 0) == 0)
            await _signal.WaitAsync(cancellationToken); // A receiver released after all: take that release now.
        return Room(sent);
    }

    public void Dispose() => _signal.Dispose();

    private int Room(long sent) => Acked is { } acked ? (int)Math.Clamp(Size - (sent - acked), 0, Size) : -1;

    private void Wake()
    {
        if (Volatile.Read(ref _waiting) != 0 && Interlocked.Exchange(ref _waiting, 0) != 0)
            _signal.Release();
    }
}
