namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// One connected client as the dashboard shows it. <see cref="Traits"/>: how its program writes (framing, encoding,
/// telnet, removed characters; see <see cref="TraitHints"/>). <see cref="UnfinishedBytes"/>: bytes received without a
/// line end yet, since <see cref="UnfinishedSince"/>. <see cref="LinesDropped"/>: lines dropped over the rate limit or
/// for their length. <see cref="PausedFor"/>: flow control pauses reading from this client until the client at that IP
/// drains its queue, since <see cref="PausedSince"/>. <see cref="QueuedBytes"/>: bytes waiting to be sent to it. <see cref="Pauses"/>: how many times
/// flow control paused it. <see cref="Room"/>: the name of the room it is in.
/// </summary>
public sealed record SessionSnapshot(
    long Id,
    string Ip,
    int Port,
    DateTimeOffset ConnectedAt,
    long LinesIn,
    long LinesOut,
    long BytesIn,
    long BytesOut,
    DateTimeOffset LastActivity,
    ClientTraits Traits,
    int UnfinishedBytes,
    DateTimeOffset? UnfinishedSince,
    ServingState Serving,
    long LinesDropped = 0,
    string? PausedFor = null,
    DateTimeOffset? PausedSince = null,
    long QueuedBytes = 0,
    long Pauses = 0,
    string Room = Options.ChatOptions.DefaultRoomName);

/// <summary>In sync and async modes, whether the client is the one being served or waits its turn.</summary>
public enum ServingState
{
    NotApplicable,
    Served,
    Waiting,
}
