using System.Net;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.TcpEngine.ProxyProtocol;

/// <summary>
/// The balancers whose connections carry a PROXY protocol header (<c>Chat:TrustedProxies</c>): addresses and CIDR
/// networks, IPv4 or IPv6. Only they may say who the client is; anyone else could claim any address.
/// </summary>
internal sealed class TrustedProxies
{
    private readonly IPNetwork[] _networks;

    private TrustedProxies(IPNetwork[] networks) => _networks = networks;

    /// <summary>No balancer: every connection is a client's own, as without the option.</summary>
    public static TrustedProxies None { get; } = new([]);

    public bool IsEmpty => _networks.Length == 0;

    /// <summary>Parses the option's entries; throws naming the key when one is neither an address nor a network.</summary>
    public static TrustedProxies Parse(IReadOnlyList<string> entries)
    {
        if (entries.Count == 0)
            return None;
        var networks = new IPNetwork[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (!TryParse(entries[i], out networks[i]))
                throw new ArgumentException(Error(i, entries[i]), nameof(entries));
        }
        return new TrustedProxies(networks);
    }

    /// <summary>The start-up message for an entry that <see cref="TryParse"/> refuses.</summary>
    public static string Error(int index, string? entry) =>
        $"{Options.ChatOptions.SectionName}:{nameof(Options.ChatOptions.TrustedProxies)}:{index} must be an IP address (10.0.0.5, fd00::5) or a " +
        $"CIDR network with no address bits past its prefix (10.0.0.0/24, not 10.0.0.1/24; fd00::/64) (got '{entry}').";

    /// <summary>An address (a network of one) or a CIDR network; IPv4-mapped IPv6 forms count as IPv4.</summary>
    public static bool TryParse(string? entry, out IPNetwork network)
    {
        network = default;
        var text = entry?.Trim();
        if (string.IsNullOrEmpty(text))
            return false;
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            address = IpText.Normalize(address);
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }
        // .NET masks the bits past the prefix (10.0.0.1/24 reads as 10.0.0.0/24); refuse that instead, since whoever
        // wrote it may have meant the single address.
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return IPNetwork.TryParse(text, out network) && IPAddress.TryParse(text.AsSpan(0, slash), out var written)
            && written.Equals(network.BaseAddress);
    }

    /// <summary>Whether a connection from <paramref name="address"/> comes from a trusted balancer.</summary>
    public bool Contains(IPAddress address)
    {
        if (_networks.Length == 0)
            return false;
        // A dual-mode listener shows IPv4 peers as ::ffff:a.b.c.d.
        address = IpText.Normalize(address);
        foreach (var network in _networks)
        {
            if (network.Contains(address))
                return true;
        }
        return false;
    }
}
