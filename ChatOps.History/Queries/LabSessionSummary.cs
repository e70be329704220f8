namespace ChatOps.History.Queries;

/// <summary>One run of a room, from start to stop.</summary>
/// <param name="Room">The room's name (<c>Chat:Rooms</c>'s key; <c>main</c> without rooms).</param>
/// <param name="StopReason">Arret, Shutdown, Stopped; Interrupted when the run ended without a stop (a crash); null while running.</param>
/// <param name="StoppedBy">Who stopped it: a dashboard user, a client's IP (arret), or the host.</param>
public sealed record LabSessionSummary(
    long Id,
    DateTimeOffset StartedAt,
    string Mode,
    string Endpoints,
    DateTimeOffset? StoppedAt,
    string? StopReason,
    string? StoppedBy,
    long LineCount,
    string Room = ChatOps.TcpEngine.Options.ChatOptions.DefaultRoomName);
