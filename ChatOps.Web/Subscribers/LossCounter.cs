namespace ChatOps.Web.Subscribers;

/// <summary>
/// Counts what one subscriber lost and says so at most every <see cref="ReportInterval"/>: a flood, or a subscriber
/// stuck for good, must not become a flood of log lines. The publisher's loop counts; the subscriber's departure takes
/// the rest from another thread, hence the lock (arithmetic only: the caller logs after it).
/// </summary>
internal sealed class LossCounter(TimeProvider time)
{
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private long _lost;
    private long _reported;
    private DateTimeOffset _reportedAt = DateTimeOffset.MinValue;

    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Adds <paramref name="count"/>; true (with what is not reported yet) when it is time to report.</summary>
    public bool Add(long count, out long unreported)
    {
        Interlocked.Add(ref _lost, count);
        return TakeDue(force: false, out unreported);
    }

    /// <summary>What is not reported yet, if the interval has passed (or <paramref name="force"/>: the subscriber is leaving).</summary>
    public bool TakeDue(bool force, out long unreported)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var lost = Lost;
            unreported = lost - _reported;
            if (unreported == 0 || (!force && now - _reportedAt < ReportInterval))
                return false;
            (_reported, _reportedAt) = (lost, now);
            return true;
        }
    }
}
