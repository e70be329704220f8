using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// Turns engine events into mirror lines; events that add nothing a teacher reads (deliveries) give null. What students
/// typed stays as it is; the server's own words come with a <see cref="MirrorPhrase"/> each page shows in its language,
/// and their English text (the filter's and the logs' words).
/// </summary>
internal static class MirrorLines
{
    private static readonly MirrorPhrase Server = new("Mirror.Who.Server");

    public static MirrorText? Of(ChatEvent e, Func<long, string> ipOf) => e switch
    {
        LineReceived { Word: ProtocolWord.None } l => new(l.SessionId, l.Ip, l.Text, MirrorKind.Chat),
        LineReceived l => new(l.SessionId, l.Ip, l.Text, MirrorKind.ProtocolWord),
        OperatorLine { SessionId: { } id, Greeting: true } o =>
            new(id, $"{o.By} → {ipOf(id)} (greeting, not a reply)", o.Text, MirrorKind.Operator, new("Mirror.Who.Greeting", o.By, ipOf(id))),
        OperatorLine { SessionId: { } id } o => new(id, $"{o.By} → {ipOf(id)}", o.Text, MirrorKind.Operator),
        OperatorLine o => new(null, $"{o.By} → all", o.Text, MirrorKind.Operator, new("Mirror.Who.ToAll", o.By)),
        ClientConnected c => new(c.SessionId, c.Ip, $"connected (port {c.Port})", MirrorKind.Notice, Phrase: new("Mirror.Say.Connected", c.Port)),
        ClientDisconnected d => new(d.SessionId, d.Ip, $"disconnected ({Describe(d.Reason)})", MirrorKind.Notice, Phrase: new($"Mirror.Say.Disconnected.{d.Reason}")),
        ProtocolViolation v => new(v.SessionId, v.Ip, v.Detail, MirrorKind.Notice),
        ModeChanged m => new(null, "server", $"mode {Name(m.From)} → {Name(m.To)} (by {m.By})", MirrorKind.Notice, Server,
            new("Mirror.Say.ModeChanged", Name(m.From), Name(m.To), m.By)),
        EngineStarted s => new(null, "server", $"listening in {Name(s.Mode)} mode", MirrorKind.Notice, Server, new("Mirror.Say.Started", Name(s.Mode))),
        EngineStopped s => new(null, "server", $"stopped ({s.Reason.ToString().ToLowerInvariant()}, by {s.By})", MirrorKind.Notice, Server,
            new($"Mirror.Say.Stopped.{s.Reason}", s.By)),
        _ => null,
    };

    public static string Describe(DisconnectReason reason) => reason switch
    {
        DisconnectReason.ClosedByPeer => "closed by the client",
        DisconnectReason.TooSlow => "too slow: it stopped reading",
        DisconnectReason.Idle => "idle: no line for too long",
        DisconnectReason.LineTimeout => "a line never finished",
        DisconnectReason.ModeSwitch => "mode switch",
        DisconnectReason.Kicked => "kicked",
        _ => reason.ToString().ToLowerInvariant(),
    };

    private static string Name(TcpEngine.ChatMode mode) => mode.ToString().ToLowerInvariant();
}

/// <summary>One mirror line before it is numbered: who, what, and the server's words as phrases (null: shown as they are).</summary>
internal sealed record MirrorText(long? SessionId, string Who, string Text, MirrorKind Kind, MirrorPhrase? WhoPhrase = null, MirrorPhrase? Phrase = null);
