using ChatOps.TcpEngine.Modes;

namespace ChatOps.TcpEngine.Sessions;

internal static class SessionSnapshots
{
    public static SessionSnapshot Of(ClientSession s, ModeBehavior mode, string room)
    {
        var c = s.Counters;
        var unfinishedSince = c.UnfinishedSinceTicks;
        var pausedSince = c.PausedSinceTicks;
        var pausedFor = c.PausedFor;
        return new SessionSnapshot(
            s.Id,
            s.Ip,
            s.Port,
            s.ConnectedAt,
            c.LinesIn,
            c.LinesOut,
            c.BytesIn,
            c.BytesOut,
            new DateTimeOffset(c.LastActivityTicks, TimeSpan.Zero),
            c.Traits,
            c.UnfinishedBytes,
            c.UnfinishedBytes > 0 && unfinishedSince > 0 ? new DateTimeOffset(unfinishedSince, TimeSpan.Zero) : null,
            s.JoinedMode == mode ? mode.StateOf(s) : ServingState.NotApplicable,
            c.LinesDropped,
            pausedFor,
            pausedFor is not null && pausedSince > 0 ? new DateTimeOffset(pausedSince, TimeSpan.Zero) : null,
            s.QueuedBytes,
            c.Pauses,
            room);
    }
}
