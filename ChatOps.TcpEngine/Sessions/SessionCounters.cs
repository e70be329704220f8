namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// Counters and teaching diagnostics of one session. Each field has a single writer (the read loop or the write loop);
/// snapshots read them from other threads, hence Interlocked/Volatile.
/// </summary>
internal sealed class SessionCounters
{
    private long _linesIn;
    private long _linesDropped;
    private long _linesOut;
    private long _bytesIn;
    private long _bytesOut;
    private long _lastActivity;
    private long _lastLineIn;
    private int _unfinishedBytes;
    private long _unfinishedSince;
    private int _flags;
    private long _pausedSince;
    private string? _pausedFor;
    private long _pauses;

    public long LinesIn => Interlocked.Read(ref _linesIn);
    public long LinesDropped => Interlocked.Read(ref _linesDropped);
    public long LinesOut => Interlocked.Read(ref _linesOut);
    public long BytesIn => Interlocked.Read(ref _bytesIn);
    public long BytesOut => Interlocked.Read(ref _bytesOut);
    public long LastActivityTicks => Interlocked.Read(ref _lastActivity);

    /// <summary>When the client last sent a line (its connection time before its first): what the idle rules measure.</summary>
    public long LastLineInTicks => Interlocked.Read(ref _lastLineIn);
    public int UnfinishedBytes => Volatile.Read(ref _unfinishedBytes);
    public long UnfinishedSinceTicks => Interlocked.Read(ref _unfinishedSince);

    /// <summary>The IP of the client whose full queue pauses reading from this one, or null.</summary>
    public string? PausedFor => Volatile.Read(ref _pausedFor);
    public long PausedSinceTicks => Interlocked.Read(ref _pausedSince);

    /// <summary>How many times flow control paused reading from this client.</summary>
    public long Pauses => Interlocked.Read(ref _pauses);

    public ClientTraits Traits => (ClientTraits)Volatile.Read(ref _flags);

    public void Set(ClientTraits traits)
    {
        if ((Traits & traits) != traits)
            Interlocked.Or(ref _flags, (int)traits);
    }

    public void Received(long bytes, long nowTicks)
    {
        Interlocked.Add(ref _bytesIn, bytes);
        Interlocked.Exchange(ref _lastActivity, nowTicks);
    }

    /// <summary>The session starts as if it had just spoken: idleness counts from its connection.</summary>
    public void Connected(long nowTicks)
    {
        Received(0, nowTicks);
        Interlocked.Exchange(ref _lastLineIn, nowTicks);
    }

    /// <summary>Its turn came (sync, async): the wait was the server's, so idleness counts from now.</summary>
    public void TurnStarted(long nowTicks) => Interlocked.Exchange(ref _lastLineIn, nowTicks);

    /// <summary>A line came in; it is dated by the read that completed it (no clock read per line).</summary>
    public void LineIn()
    {
        Interlocked.Increment(ref _linesIn);
        Interlocked.Exchange(ref _lastLineIn, Interlocked.Read(ref _lastActivity));
    }

    /// <summary>A line dropped: over the rate limit, or too long.</summary>
    public void LineDropped() => Interlocked.Increment(ref _linesDropped);

    /// <summary>One update per flushed batch, not per line: the write loop is the only writer.</summary>
    public void Sent(List<OutgoingLines> batch)
    {
        long bytes = 0;
        long lines = 0;
        foreach (var item in batch)
        {
            bytes += item.Bytes.Length;
            lines += item.Count;
        }
        Interlocked.Add(ref _linesOut, lines);
        Interlocked.Add(ref _bytesOut, bytes);
    }

    /// <summary>Reading from this client pauses for <paramref name="recipientIp"/>'s full queue (the read loop only).</summary>
    public void Paused(string recipientIp, long nowTicks)
    {
        if (Volatile.Read(ref _pausedFor) is null)
        {
            Interlocked.Increment(ref _pauses);
            Interlocked.Exchange(ref _pausedSince, nowTicks);
        }
        Volatile.Write(ref _pausedFor, recipientIp);
    }

    public void Resumed()
    {
        Volatile.Write(ref _pausedFor, null);
        Interlocked.Exchange(ref _pausedSince, 0);
    }

    /// <summary>Bytes held with no newline yet: the "forgot println / flush" bug when it lasts.</summary>
    public void Unfinished(int bytes, long nowTicks)
    {
        if (bytes == 0)
        {
            Volatile.Write(ref _unfinishedBytes, 0);
            Interlocked.Exchange(ref _unfinishedSince, 0);
            return;
        }
        if (Volatile.Read(ref _unfinishedBytes) == 0)
            Interlocked.Exchange(ref _unfinishedSince, nowTicks);
        Volatile.Write(ref _unfinishedBytes, bytes);
    }
}
