using System.Net;

namespace ChatOps.TcpEngine.Naming;

/// <summary>
/// An optional source of students' names (the web host's roster), for <c>Chat:RelayPrefix</c> <c>name</c> and
/// <c>ip+name</c>. The engine works without one: every sender is then shown by IP.
/// </summary>
public interface IClientNames
{
    /// <summary>
    /// Changes whenever a name is added, changed or removed. Read for every relayed line while the prefix shows names:
    /// keep it a field read. A session encodes its prefix again only when this has moved.
    /// </summary>
    long Version { get; }

    /// <summary>
    /// The name of the client at <paramref name="address"/> and <paramref name="port"/> (IPv4-mapped addresses already shown
    /// as IPv4), or null when none is known. Called on the relay path after <see cref="Version"/> moved: answer from memory.
    /// </summary>
    string? NameOf(IPAddress address, int port);
}
