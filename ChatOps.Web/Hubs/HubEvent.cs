using ChatOps.TcpEngine.Events;

namespace ChatOps.Web.Hubs;

/// <summary>
/// An engine event as hub clients see it: one flat shape (<see cref="Type"/> names the event) so scripts in any language
/// read it without knowing the engine's record hierarchy.
/// </summary>
/// <remarks>
/// <see cref="Room"/>: the name of the room it happened in. <see cref="Host"/>: in a cluster (<c>Cluster:Redis</c>), the
/// id of the host whose engine it happened on (hub clients of every host get every host's events); null on a single host.
/// </remarks>
public sealed record HubEvent(string Type, DateTimeOffset At, long? SessionId = null, string? Ip = null, int? Port = null, string? Text = null, string? Detail = null)
{
    public string Room { get; init; } = TcpEngine.Options.ChatOptions.DefaultRoomName;

    public string? Host { get; init; }

    public static HubEvent From(ChatEvent e, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var type = e.GetType().Name;
        HubEvent hubEvent = e switch
        {
            EngineStarted s => new(type, s.At, Detail: $"{s.Mode} {string.Join(' ', s.Endpoints)}"),
            EngineStopping s => new(type, s.At, Detail: $"{s.Reason} by {s.By}"),
            EngineStopped s => new(type, s.At, Detail: $"{s.Reason} by {s.By}"),
            ClientConnected c => new(type, c.At, c.SessionId, c.Ip, c.Port),
            ClientDisconnected d => new(type, d.At, d.SessionId, d.Ip, d.Port, Detail: d.Reason.ToString()),
            ServingChanged s => new(type, s.At, s.ServedSessionId, Detail: $"{s.Waiting} waiting"),
            LineReceived l => new(type, l.At, l.SessionId, l.Ip, Text: l.Text, Detail: l.Word.ToString()),
            LineDelivered l => new(type, l.At, l.SessionId, l.Ip, Text: l.Text, Detail: $"{l.Recipients} recipient(s)"),
            ReplyAwaited r => new(type, r.At, r.SessionId, r.Ip, Text: r.Text),
            OperatorLine o => new(type, o.At, o.SessionId, Text: o.Text, Detail: $"by {o.By} to {o.Recipients}"),
            ProtocolViolation v => new(type, v.At, v.SessionId, v.Ip, Detail: $"{v.Kind}: {v.Detail}"),
            ModeChanged m => new(type, m.At, Detail: $"{m.From} -> {m.To} by {m.By}"),
            _ => new(type, e.At),
        };
        return hubEvent with { Room = e.Room, Host = host };
    }
}
