namespace ChatOps.History.Queries;

/// <summary>
/// One stored line. <see cref="Text"/> is what a student or the teacher typed: data to show as text, never as markup.
/// </summary>
/// <param name="ClientId">The engine's session id of the client, when the line concerns one.</param>
/// <param name="Actor">Who did it, for operator lines, mode changes and stops (a dashboard user or a client IP).</param>
/// <param name="Detail">The reason or kind: a disconnect reason, a notice kind, the endpoints at start.</param>
public sealed record HistoryLine(
    long Id,
    long LabSessionId,
    DateTimeOffset At,
    LineKind Kind,
    long? ClientId,
    string? Ip,
    int? Port,
    string Text,
    string? Actor,
    string? Detail,
    int? Recipients)
{
    /// <summary>The client's full endpoint, <c>192.168.1.23:5000</c> or <c>[::1]:5000</c>; empty for lines of no client.</summary>
    public string Endpoint => Endpoints.Text(Ip, Port);
}
