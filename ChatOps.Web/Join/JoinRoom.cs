using ChatOps.TcpEngine;

namespace ChatOps.Web.Join;

/// <summary>
/// What a student may know of a room: its name, its exercise, its port and whether it takes connections. Nothing else
/// (no clients, no lines) so the join page can be public.
/// </summary>
public sealed record JoinRoom(string Name, ChatMode Mode, int Port, bool Listening, IReadOnlyList<string> Hosts);
