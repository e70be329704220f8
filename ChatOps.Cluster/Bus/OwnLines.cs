using ChatOps.TcpEngine.Bus;

namespace ChatOps.Cluster.Bus;

/// <summary>
/// This host's own broadcasts on their way to its own clients: each delivered once and in order, whether it comes back
/// through the stream (the bus's reader) or is delivered without it while Redis is down (the bus's writer); the later
/// path finds its sequence passed. Lines appended but not yet read back are kept, so that when Redis fails first they
/// are delivered before anything later: at once when a command fails (<see cref="DeliverInFlight"/>), and in any case
/// before a later line. The reader and the writer both call in; one lock orders them.
/// </summary>
internal sealed class OwnLines(Action<ChatBroadcast> deliver)
{
    private readonly Lock _gate = new();
    private readonly Queue<SequencedBroadcast> _inFlight = new(); // appended, not yet read back
    private long _delivered; // the last sequence delivered

    public void Deliver(long sequence, ChatBroadcast message)
    {
        lock (_gate)
            DeliverLocked(sequence, message);
    }

    /// <summary>Appended, not yet read back: kept until the reader delivers them, or Redis fails first.</summary>
    public void Appended(List<SequencedBroadcast> batch)
    {
        lock (_gate)
        {
            foreach (var item in batch)
            {
                if (item.Sequence > _delivered)
                    _inFlight.Enqueue(item);
            }
        }
    }

    /// <summary>
    /// Redis failed with some lines appended but not yet read back: they reach this host's clients now, before anything
    /// later (else the later lines would pass them, and the reader would find them already passed).
    /// </summary>
    public void DeliverInFlight()
    {
        lock (_gate)
        {
            while (_inFlight.TryDequeue(out var item))
                DeliverLocked(item.Sequence, item.Message);
        }
    }

    // Lines still in flight before this one go first: a line delivered without Redis (Keep, once Redis is known to be
    // down) must not pass the lines appended before it that no failing command has handed over yet.
    private void DeliverLocked(long sequence, ChatBroadcast message)
    {
        if (sequence <= _delivered)
            return;
        while (_inFlight.TryPeek(out var earlier) && earlier.Sequence <= sequence)
        {
            _inFlight.Dequeue();
            if (earlier.Sequence < sequence && earlier.Sequence > _delivered)
            {
                _delivered = earlier.Sequence;
                deliver(earlier.Message);
            }
        }
        _delivered = sequence;
        deliver(message);
    }
}
