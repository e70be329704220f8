namespace ChatOps.TcpEngine.Engine;

/// <summary>Session ids of one host: unique across its rooms, so the dashboard, the hub and the history name a client by its id alone.</summary>
internal sealed class SessionIds
{
    private long _last;

    public long Next() => Interlocked.Increment(ref _last);
}
