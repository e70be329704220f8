namespace ChatOps.Cluster.Presence;

/// <summary>
/// What one host says of itself in its heartbeat (<c>{prefix}:host:{id}</c>, JSON): when, whether Redis answered it,
/// its rooms and its connections. A host whose heartbeat expired is gone (<see cref="ClusterOptions.HostExpiry"/>).
/// </summary>
public sealed record HostSummary(string HostId, DateTimeOffset At, IReadOnlyList<HostRoom> Rooms, IReadOnlyList<HostConnection> Connections);

/// <summary>A room of a host: its name, mode (lower case), whether it listens, and its port.</summary>
public sealed record HostRoom(string Name, string Mode, bool Listening, int? Port);

/// <summary>A connection held by a host: its room, the host's session id, the client's address, since when, lines in and out.</summary>
public sealed record HostConnection(string Room, long SessionId, string Ip, int Port, DateTimeOffset Since, long LinesIn, long LinesOut);
