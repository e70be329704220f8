namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// What the sessions that left a room did, added once as each leaves (not on the hot path). Written and read under the
/// room's lock, with the session list, so a session is counted either live or closed, never both nor neither.
/// </summary>
internal sealed class ClosedTraffic
{
    private long _linesIn;
    private long _linesOut;
    private long _bytesIn;
    private long _bytesOut;
    private long _linesDropped;
    private long _pauses;

    public void Add(SessionCounters c)
    {
        _linesIn += c.LinesIn;
        _linesOut += c.LinesOut;
        _bytesIn += c.BytesIn;
        _bytesOut += c.BytesOut;
        _linesDropped += c.LinesDropped;
        _pauses += c.Pauses;
    }

    /// <summary>These totals plus the connected <paramref name="sessions"/>' counters.</summary>
    public TrafficTotals With(IReadOnlyList<ClientSession> sessions)
    {
        var (linesIn, linesOut, bytesIn, bytesOut, dropped, pauses) = (_linesIn, _linesOut, _bytesIn, _bytesOut, _linesDropped, _pauses);
        long queued = 0;
        long maxQueued = 0;
        var paused = 0;
        var open = 0;
        foreach (var s in sessions)
        {
            var c = s.Counters;
            linesIn += c.LinesIn;
            linesOut += c.LinesOut;
            bytesIn += c.BytesIn;
            bytesOut += c.BytesOut;
            dropped += c.LinesDropped;
            pauses += c.Pauses;
            var q = s.QueuedBytes;
            queued += q;
            maxQueued = Math.Max(maxQueued, q);
            if (c.PausedFor is not null)
                paused++;
            if (!s.IsClosing)
                open++;
        }
        return new TrafficTotals(linesIn, linesOut, bytesIn, bytesOut, dropped, pauses, queued, maxQueued, paused, open);
    }
}
