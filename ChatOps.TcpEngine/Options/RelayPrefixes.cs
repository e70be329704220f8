namespace ChatOps.TcpEngine.Options;

/// <summary>The configuration words of <see cref="RelayPrefix"/>: <c>ip</c>, <c>name</c>, <c>ip+name</c> (an enum name cannot hold the +).</summary>
public static class RelayPrefixes
{
    public const string Words = "ip, name, ip+name";

    /// <summary>Parses a configuration word, ignoring case and spaces around it; blank is <see cref="RelayPrefix.Ip"/>.</summary>
    public static bool TryParse(string? value, out RelayPrefix prefix)
    {
        prefix = RelayPrefix.Ip;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "ip":
                return true;
            case "name":
                prefix = RelayPrefix.Name;
                return true;
            case "ip+name":
                prefix = RelayPrefix.IpAndName;
                return true;
            default:
                return false;
        }
    }
}
