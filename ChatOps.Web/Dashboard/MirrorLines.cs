using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Web.Dashboard;

/// <summary>Turns engine events into mirror lines; events that add nothing a teacher reads (deliveries) give null.</summary>
internal static class MirrorLines
{
    public static (long? SessionId, string Who, string Text, MirrorKind Kind)? Of(ChatEvent e, Func<long, string> ipOf) => e switch
    {
        LineReceived { Word: ProtocolWord.None } l => (l.SessionId, l.Ip, l.Text, MirrorKind.Chat),
        LineReceived l => (l.SessionId, l.Ip, l.Text, MirrorKind.ProtocolWord),
        OperatorLine { SessionId: { } id, Greeting: true } o => (id, $"{o.By} → {ipOf(id)} (greeting, not a reply)", o.Text, MirrorKind.Operator),
        OperatorLine { SessionId: { } id } o => (id, $"{o.By} → {ipOf(id)}", o.Text, MirrorKind.Operator),
        OperatorLine o => (null, $"{o.By} → all", o.Text, MirrorKind.Operator),
        ClientConnected c => (c.SessionId, c.Ip, $"connected (port {c.Port})", MirrorKind.Notice),
        ClientDisconnected d => (d.SessionId, d.Ip, $"disconnected ({Describe(d.Reason)})", MirrorKind.Notice),
        ProtocolViolation v => (v.SessionId, v.Ip, v.Detail, MirrorKind.Notice),
        ModeChanged m => (null, "server", $"mode {Name(m.From)} → {Name(m.To)} (by {m.By})", MirrorKind.Notice),
        EngineStarted s => (null, "server", $"listening in {Name(s.Mode)} mode", MirrorKind.Notice),
        EngineStopped s => (null, "server", $"stopped ({s.Reason.ToString().ToLowerInvariant()}, by {s.By})", MirrorKind.Notice),
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
