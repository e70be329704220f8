using System.Net;
using ChatOps.History.Roster;
using ChatOps.TcpEngine.Naming;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Web.Roster;

/// <summary>The roster as the engine's source of names (<c>Chat:RelayPrefix</c> <c>name</c> and <c>ip+name</c>).</summary>
internal sealed class RosterNames(ClassRoster roster) : IClientNames
{
    public long Version => roster.Version;

    public string? NameOf(IPAddress address, int port) => roster.Find(IpText.Format(address), port)?.Name;
}
