using System.Net;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Modes;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Web.Dashboard;

/// <summary>An immutable picture of the engine for one render: components read it, never the engine's live state.</summary>
public sealed record DashboardView(
    DateTimeOffset Now,
    bool IsRunning,
    bool IsStopping,
    ChatMode Mode,
    IPEndPoint? Endpoint,
    IReadOnlyList<string> ConnectHints,
    DateTimeOffset? StartedAt,
    EngineStopped? LastStop,
    bool AllowClientArret,
    PendingReply? PendingReply,
    IReadOnlyList<SessionSnapshot> Sessions,
    double LinesPerSecond,
    IReadOnlyList<MirrorLine> Mirror,
    IReadOnlyList<ActivitySample> Activity,
    long DroppedEvents)
{
    public int ClientCount => Sessions.Count;

    public TimeSpan? Uptime => IsRunning && StartedAt is { } started ? Now - started : null;

    public SessionSnapshot? Session(long? id) => id is null ? null : Sessions.FirstOrDefault(s => s.Id == id);
}
