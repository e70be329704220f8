namespace ChatOps.Cluster.Control;

/// <summary>
/// A teacher's kick of a connection another host holds: the session id and the address the holding host's heartbeat
/// gave (both must still match: a restarted host reuses ids), who asked, and on which host.
/// </summary>
public sealed record KickRequest(long SessionId, string Ip, int Port, string By, string FromHost, string? Reason = null);
