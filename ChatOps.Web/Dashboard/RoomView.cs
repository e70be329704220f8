using System.Net;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Modes;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Web.Dashboard;

/// <summary>One room as a render shows it: its listener, its mode and settings, and its client count.</summary>
public sealed record RoomView(
    string Name,
    bool IsRunning,
    bool IsStopping,
    ChatMode Mode,
    IPEndPoint? Endpoint,
    IReadOnlyList<string> ConnectHints,
    DateTimeOffset? StartedAt,
    EngineStopped? LastStop,
    bool AllowClientArret,
    AutoReply AutoReply,
    PendingReply? PendingReply,
    int ClientCount);
