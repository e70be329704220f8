using ChatOps.History.Queries;

namespace ChatOps.History.Roster;

/// <summary>
/// A student's name (and seat) for an address, or for one port of it (<see cref="Port"/>: several students behind one
/// address, NAT or a shared machine). A port-specific entry wins over the address's.
/// </summary>
/// <param name="Ip">The address as <c>IpText</c> shows it (IPv4-mapped addresses as IPv4).</param>
/// <param name="Port">Null for every port of the address.</param>
public sealed record RosterEntry(string Ip, int? Port, string Name, string? Seat, DateTimeOffset UpdatedAt, string By)
{
    /// <summary><c>192.168.1.23</c>, <c>192.168.1.23:5000</c> or <c>[::1]:5000</c>.</summary>
    public string Where => Endpoints.Text(Ip, Port);
}
