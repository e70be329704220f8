using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.HostFiltering;

namespace ChatOps.Web.Security;

/// <summary>
/// The <c>Host</c> names the dashboard answers to, when <c>AllowedHosts</c> is not configured: localhost, this machine's
/// names and addresses, and the hosts named in <c>Urls</c>. Any other name is refused with a 400 (DNS rebinding: a
/// student's page whose name points at the teacher's machine), and so is an empty <c>Host</c>. A name the teacher gives
/// the machine elsewhere (a DNS alias) goes in <c>AllowedHosts</c>, separated by semicolons.
/// </summary>
internal static class AllowedHostNames
{
    public static IServiceCollection AddAllowedHostNames(this IServiceCollection services)
    {
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            // Configured: WebApplication's own defaults read AllowedHosts (after this, since they only fill an empty list).
            options.AllowEmptyHosts = false;
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
                options.AllowedHosts = Names(configuration["Urls"]).ToList();
        });
        return services;
    }

    public static IEnumerable<string> Names(string? urls)
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
        var machine = Dns.GetHostName();
        names.Add(machine);
        names.Add(machine + ".local");
        if (IPGlobalProperties.GetIPGlobalProperties().DomainName is { Length: > 0 } domain)
            names.Add($"{machine}.{domain}");
        foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(Addresses))
            names.Add(Name(address));
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // http://*:5080 and http://+:5080 listen on every address, which are in the list already.
            if (Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                && uri.Host is not ("0.0.0.0" or "[::]"))
                names.Add(uri.Host);
        }
        return names;
    }

    private static IEnumerable<IPAddress> Addresses(NetworkInterface nic)
    {
        try
        {
            return nic.GetIPProperties().UnicastAddresses.Select(a => a.Address).ToList();
        }
        catch (NetworkInformationException)
        {
            // An interface that vanished while being read (a VPN going down) has no address to answer to.
            return [];
        }
    }

    private static string Name(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        // Browsers send IPv6 hosts in brackets and without the zone (fe80::1%eth0).
        var plain = new IPAddress(address.GetAddressBytes());
        return $"[{plain}]";
    }
}
