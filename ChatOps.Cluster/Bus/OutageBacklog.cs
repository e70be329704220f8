namespace ChatOps.Cluster.Bus;

/// <summary>
/// A host's own broadcasts kept while Redis is down, oldest first, to append when it answers again; at most
/// <c>capacity</c>, dropping the oldest (they were delivered locally; only the other hosts miss them). Only the bus's
/// writer touches it.
/// </summary>
internal sealed class OutageBacklog(int capacity)
{
    private readonly Queue<SequencedBroadcast> _kept = new();
    private long _dropped;

    public int Count => _kept.Count;

    public void Add(SequencedBroadcast item)
    {
        if (_kept.Count == capacity)
        {
            _kept.Dequeue();
            _dropped++;
        }
        _kept.Enqueue(item);
    }

    /// <summary>Moves up to <paramref name="max"/> kept broadcasts, oldest first, into <paramref name="batch"/>.</summary>
    public void TakeInto(List<SequencedBroadcast> batch, int max)
    {
        while (batch.Count < max && _kept.TryDequeue(out var item))
            batch.Add(item);
    }

    /// <summary>How many were dropped since the last call.</summary>
    public long TakeDropped()
    {
        var dropped = _dropped;
        _dropped = 0;
        return dropped;
    }
}
