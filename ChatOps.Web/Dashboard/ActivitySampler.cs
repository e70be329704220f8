namespace ChatOps.Web.Dashboard;

/// <summary>Counts received lines into chart samples and a short rolling rate for the status bar.</summary>
internal sealed class ActivitySampler(TimeSpan sampleInterval, TimeSpan window)
{
    // The status bar's rate looks at the last few seconds: steady enough to read, fresh enough to react.
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(5);

    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Queue<ActivitySample> _samples = new();
    private DateTimeOffset? _sampleStart;
    private long _linesInSample;

    public void LineReceived(DateTimeOffset at)
    {
        _recent.Enqueue(at);
        _linesInSample++;
    }

    /// <summary>Lines per second over the last few seconds before <paramref name="now"/>.</summary>
    public double Rate(DateTimeOffset now)
    {
        while (_recent.TryPeek(out var oldest) && now - oldest > RateWindow)
            _recent.Dequeue();
        return _recent.Count / RateWindow.TotalSeconds;
    }

    /// <summary>Closes the current sample when its interval is over; returns true when the chart changed.</summary>
    public bool Tick(DateTimeOffset now, int clients)
    {
        _sampleStart ??= now;
        var elapsed = now - _sampleStart.Value;
        if (elapsed < sampleInterval)
            return false;
        _samples.Enqueue(new ActivitySample(now, clients, _linesInSample / elapsed.TotalSeconds));
        while (_samples.Count > 0 && now - _samples.Peek().At > window)
            _samples.Dequeue();
        _sampleStart = now;
        _linesInSample = 0;
        return true;
    }

    public IReadOnlyList<ActivitySample> Samples() => [.. _samples];
}
