using System.Net;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.TcpEngine.Admission;

/// <summary>
/// An optional check at the door, before a connection joins the room (bans live behind it). The engine works without one.
/// </summary>
public interface IConnectionAdmission
{
    /// <summary>
    /// Null admits the client; otherwise the notice it gets before it is closed. Called on the accept path for every
    /// connection, with IPv4-mapped addresses already shown as IPv4: answer from memory, never from a disk or a network.
    /// <paramref name="notices"/> are in the room's language.
    /// </summary>
    string? Refuse(IPAddress address, Notices notices);
}
