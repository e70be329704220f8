using System.Net;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.TcpEngine.Naming;

/// <summary>
/// What goes between the brackets of a relayed line (<c>Chat:RelayPrefix</c>). With <see cref="RelayPrefix.Ip"/> no name is
/// ever looked up and <see cref="Version"/> never moves, so the relay's hot path stays as it was.
/// </summary>
internal sealed class SenderLabel
{
    private readonly RelayPrefix _prefix;
    private readonly IClientNames? _names;

    public SenderLabel(RelayPrefix prefix, IClientNames? names)
    {
        _prefix = prefix;
        _names = prefix == RelayPrefix.Ip ? null : names;
    }

    public static SenderLabel IpOnly { get; } = new(RelayPrefix.Ip, null);

    /// <summary>Moves when a name may have changed; a session re-encodes its prefix only then.</summary>
    public long Version => _names?.Version ?? 0;

    public string For(IPAddress address, int port, string ip)
    {
        if (_names is null || Usable(_names.NameOf(address, port)) is not { } name)
            return ip;
        return _prefix == RelayPrefix.Name ? name : $"{ip} {name}";
    }

    // The roster checks names as they are typed; this only makes sure that no name from elsewhere can end the bracket,
    // break the line or hide characters, so that no student's line can pass for another's.
    private static string? Usable(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var clean = TextSanitizer.Clean(name, out var controls, out var invisible).Trim();
        return controls || invisible || clean.Length == 0 || clean.AsSpan().IndexOfAny('[', ']') >= 0 ? null : clean;
    }
}
