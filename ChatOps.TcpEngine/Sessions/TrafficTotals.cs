namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// A room's traffic since it was made, for metrics: the cumulative figures add the sessions that have ended to the
/// connected ones, so nothing a client did vanishes when it leaves. <see cref="QueuedBytes"/>, <see cref="PausedSessions"/>
/// and <see cref="Sessions"/> are the connected clients' now.
/// </summary>
public sealed record TrafficTotals(
    long LinesIn,
    long LinesOut,
    long BytesIn,
    long BytesOut,
    long LinesDropped,
    long Pauses,
    long QueuedBytes,
    long MaxQueuedBytes,
    int PausedSessions,
    int Sessions);
