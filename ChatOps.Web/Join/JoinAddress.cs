using System.Net;
using ChatOps.TcpEngine.Engine;
using ChatOps.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatOps.Web.Join;

/// <summary>
/// The join page's address for the projector's QR code: on the dashboard's own listening addresses, as a student's
/// machine reaches them (a LAN address, never 0.0.0.0, never localhost while another exists).
/// </summary>
internal sealed class JoinAddress(IServer server)
{
    public const string Path = "/join";

    /// <summary>The address, and whether another machine can reach it (false when the dashboard listens on loopback only).</summary>
    public (string Url, bool Reachable) Current()
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var people = DashboardAddresses.ForPeople(bound, ConnectHints.LanAddresses());
        var remote = people.FirstOrDefault(a => !IsLocal(a));
        return remote is not null
            ? (remote.TrimEnd('/') + Path, true)
            : ((people.Count > 0 ? people[0] : "http://localhost:5080").TrimEnd('/') + Path, false);
    }

    private static bool IsLocal(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
