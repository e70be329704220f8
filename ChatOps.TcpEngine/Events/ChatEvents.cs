using System.Net;

namespace ChatOps.TcpEngine.Events;

/// <summary>Something that happened in the engine. Subscribers (console, dashboard, hub, history) each follow one stream.</summary>
public abstract record ChatEvent(DateTimeOffset At)
{
    /// <summary>
    /// The name of the room it happened in (<c>Chat:Rooms</c>'s key, or <see cref="Options.ChatOptions.DefaultRoomName"/>).
    /// Set by the room as it publishes the event, so no event is built without it.
    /// </summary>
    public string Room { get; internal set; } = Options.ChatOptions.DefaultRoomName;
}

public sealed record EngineStarted(DateTimeOffset At, ChatMode Mode, IReadOnlyList<IPEndPoint> Endpoints) : ChatEvent(At);

/// <summary>A stop began: every client is being told and closed. <see cref="EngineStopped"/> follows once they have drained.</summary>
public sealed record EngineStopping(DateTimeOffset At, StopReason Reason, string By) : ChatEvent(At);

public sealed record EngineStopped(DateTimeOffset At, StopReason Reason, string By) : ChatEvent(At);

public sealed record ClientConnected(DateTimeOffset At, long SessionId, string Ip, int Port) : ChatEvent(At);

public sealed record ClientDisconnected(DateTimeOffset At, long SessionId, string Ip, int Port, DisconnectReason Reason) : ChatEvent(At);

/// <summary>In sync and async modes: which client is served now (null when none) and how many wait.</summary>
public sealed record ServingChanged(DateTimeOffset At, long? ServedSessionId, int Waiting) : ChatEvent(At);

/// <summary>A line a client sent, after sanitizing; <see cref="Word"/> says whether it was <c>bye</c> or <c>arret</c>.</summary>
public sealed record LineReceived(DateTimeOffset At, long SessionId, string Ip, string Text, Protocol.ProtocolWord Word) : ChatEvent(At);

/// <summary>A client's line went out: to the others (relay), back to its sender (echo) or to the operator (sync, async).</summary>
public sealed record LineDelivered(DateTimeOffset At, long SessionId, string Ip, string Text, int Recipients) : ChatEvent(At);

/// <summary>In sync mode: the line the operator must answer next.</summary>
public sealed record ReplyAwaited(DateTimeOffset At, long SessionId, string Ip, string Text) : ChatEvent(At);


/// <summary>
/// A line the operator sent; <see cref="SessionId"/> is null when it went to every client. <see cref="Greeting"/>: in sync
/// or async mode, a line to the served client that answers nothing (a client that reads before it writes waits for it).
/// </summary>
public sealed record OperatorLine(DateTimeOffset At, long? SessionId, string Text, string By, int Recipients, bool Greeting = false) : ChatEvent(At);

public sealed record ProtocolViolation(DateTimeOffset At, long SessionId, string Ip, ViolationKind Kind, string Detail) : ChatEvent(At);

public sealed record ModeChanged(DateTimeOffset At, ChatMode From, ChatMode To, string By) : ChatEvent(At);

public enum StopReason
{
    /// <summary>Someone said <c>arret</c>: a client or the operator.</summary>
    Arret,

    /// <summary>The host is shutting down (Ctrl+C, service stop).</summary>
    Shutdown,

    /// <summary>The operator stopped the listener without arret.</summary>
    Stopped,
}

public enum DisconnectReason
{
    Bye,
    Arret,
    Kicked,
    ClosedByPeer,
    TooSlow,
    Flood,

    /// <summary>Turned away at the door: server full, too many connections from one IP, or refused by the admission check.</summary>
    Limit,
    Shutdown,
    ModeSwitch,
    Error,

    /// <summary>Sent no line for <c>Chat:IdleTimeout</c>, or replaced, being the longest idle, by a newcomer while the room was full.</summary>
    Idle,

    /// <summary>Sent part of a line and did not finish it within <c>Chat:LineTimeout</c> (a slow drip).</summary>
    LineTimeout,
}

public enum ViolationKind
{
    /// <summary>A line, or bytes without a line end or pause, longer than <c>Chat:MaxLineBytes</c>: dropped.</summary>
    LineTooLong,

    /// <summary>
    /// Something about how the client's program writes, seen for the first time (a <see cref="Sessions.ClientTraits"/>
    /// flag: its framing, its encoding, telnet, removed characters); the detail is the hint for the teacher.
    /// </summary>
    Dialect,
    RateLimited,
    ArretRefused,
    ServerFull,
    TooManyFromIp,
    /// <summary>Bytes without a line end were dropped when the connection ended (strict line framing only).</summary>
    UnfinishedLineAtClose,

    /// <summary>In sync mode, a line beyond <c>Chat:MaxHeldLines</c> unanswered or held lines: dropped.</summary>
    HeldFull,

    /// <summary>The admission check (a ban, for instance) turned the connection away at the door.</summary>
    Refused,
}
