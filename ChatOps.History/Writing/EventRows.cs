using System.Globalization;
using ChatOps.History.Queries;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.History.Writing;

/// <summary>Which engine events become history lines, and how.</summary>
internal static class EventRows
{
    /// <summary>
    /// Null for events the history leaves out: a delivery repeats the received line, and the awaited reply is that line
    /// again; their counts are on the dashboard, not in the transcript.
    /// </summary>
    public static LineRow? Map(ChatEvent chatEvent) => chatEvent switch
    {
        EngineStarted e => new LineRow(e.At, LineKind.Started, Lower(e.Mode), Detail: Endpoints(e)),
        EngineStopped e => new LineRow(e.At, LineKind.Stopped, "", Actor: e.By, Detail: e.Reason.ToString()),
        ClientConnected e => new LineRow(e.At, LineKind.Connected, "", e.SessionId, e.Ip, e.Port),
        ClientDisconnected e => new LineRow(e.At, LineKind.Disconnected, "", e.SessionId, e.Ip, e.Port, Detail: e.Reason.ToString()),
        LineReceived e => new LineRow(e.At, KindOf(e.Word), e.Text, e.SessionId, e.Ip),
        OperatorLine e => new LineRow(e.At, LineKind.Operator, e.Text, e.SessionId, Actor: e.By, Recipients: e.Recipients),
        ProtocolViolation e => new LineRow(e.At, LineKind.Notice, e.Detail, e.SessionId, e.Ip, Detail: e.Kind.ToString()),
        ModeChanged e => new LineRow(e.At, LineKind.ModeChanged, Lower(e.To), Actor: e.By, Detail: Lower(e.From)),
        ServingChanged e => new LineRow(e.At, LineKind.Serving, "", e.ServedSessionId, Detail: $"{e.Waiting.ToString(CultureInfo.InvariantCulture)} waiting"),
        _ => null,
    };

    /// <summary>False for the events <see cref="Map"/> leaves out, so the writer's subscription never queues them.</summary>
    public static bool IsRecorded(ChatEvent chatEvent) => chatEvent is not (LineDelivered or ReplyAwaited);

    public static string Endpoints(EngineStarted e) => string.Join(' ', e.Endpoints.Select(p => p.ToString()));

    public static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static LineKind KindOf(ProtocolWord word) => word switch
    {
        ProtocolWord.Bye => LineKind.Bye,
        ProtocolWord.Arret => LineKind.Arret,
        _ => LineKind.Chat,
    };
}
