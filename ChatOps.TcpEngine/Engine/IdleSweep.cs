using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;

namespace ChatOps.TcpEngine.Engine;

/// <summary>
/// Applies <c>Chat:IdleTimeout</c> and <c>Chat:LineTimeout</c> to one room while it runs: a timer on the room's clock looks
/// at every client each quarter of the shorter timeout (between 250 ms and 10 s), so a client is cut at most a quarter
/// late. The read loops carry no timer of their own for it.
/// </summary>
internal sealed class IdleSweep : IDisposable
{
    private static readonly TimeSpan MinPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromSeconds(10);

    private readonly ChatRoom _room;
    private readonly TimeProvider _time;
    private readonly ITimer? _timer;

    public IdleSweep(ChatRoom room, TimeProvider time)
    {
        _room = room;
        _time = time;
        if (PeriodFor(room.Options) is { } period)
            _timer = time.CreateTimer(static state => ((IdleSweep)state!).Sweep(), this, period, period);
    }

    /// <summary>How often to look, or null when both rules are off.</summary>
    internal static TimeSpan? PeriodFor(ChatOptions options)
    {
        var timeouts = new[] { options.IdleTimeout, options.LineTimeout }.Where(t => t > TimeSpan.Zero).ToList();
        if (timeouts.Count == 0)
            return null;
        var quarter = timeouts.Min() / 4;
        return quarter < MinPeriod ? MinPeriod : quarter > MaxPeriod ? MaxPeriod : quarter;
    }

    public void Dispose() => _timer?.Dispose();

    private void Sweep()
    {
        var options = _room.Options;
        var now = _time.GetUtcNow().UtcTicks;
        foreach (var session in _room.Sessions)
        {
            if (session.IsClosing)
                continue;
            var counters = session.Counters;
            var unfinishedSince = counters.UnfinishedSinceTicks;
            if (options.LineTimeout > TimeSpan.Zero && counters.UnfinishedBytes > 0 && unfinishedSince > 0 && now - unfinishedSince >= options.LineTimeout.Ticks)
                session.Close(DisconnectReason.LineTimeout, _room.Notices.LineTimedOut(options.LineTimeout));
            else if (options.IdleTimeout > TimeSpan.Zero && ChatRoom.IdleTicks(session, now) >= options.IdleTimeout.Ticks)
                session.Close(DisconnectReason.Idle, _room.Notices.Idle(options.IdleTimeout));
        }
    }
}
