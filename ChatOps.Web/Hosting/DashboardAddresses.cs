using System.Net;
using System.Net.Sockets;

namespace ChatOps.Web.Hosting;

/// <summary>
/// The dashboard's addresses as a person can open them. Kestrel reports a bind to every interface as
/// <c>http://0.0.0.0:5080</c> or <c>http://[::]:5080</c>, which is where it listens, not an address a browser can go to:
/// those become <c>localhost</c> and the machine's LAN addresses.
/// </summary>
internal static class DashboardAddresses
{
    public static IReadOnlyList<string> ForPeople(IEnumerable<string> bound, IReadOnlyList<IPAddress> lan)
    {
        var result = new List<string>();
        foreach (var address in bound)
        {
            // "*" and "+" are Kestrel's other spellings of every interface.
            var normalized = address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || !IsEveryInterface(uri.Host))
            {
                result.Add(address);
                continue;
            }
            result.Add($"{uri.Scheme}://localhost:{uri.Port}");
            result.AddRange(lan.Select(ip => $"{uri.Scheme}://{Host(ip)}:{uri.Port}"));
        }
        return result.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool IsEveryInterface(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    private static string Host(IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
}
