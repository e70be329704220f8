namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// A token bucket per session: <c>rate</c> lines a second, <c>burst</c> at once. Hand-written rather than
/// System.Threading.RateLimiting's TokenBucketRateLimiter because that one needs a timer per instance (or a shared
/// replenishing loop), while this one refills lazily from timestamps: thousands of idle sessions cost nothing.
/// </summary>
internal sealed class LineRateLimiter(int linesPerSecond, int burst, TimeProvider time)
{
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    public bool TryTake()
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        _tokens = Math.Min(burst, _tokens + (elapsed * linesPerSecond));
        if (_tokens < 1)
            return false;
        _tokens -= 1;
        return true;
    }
}
