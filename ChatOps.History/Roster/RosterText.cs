using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.History.Roster;

/// <summary>
/// Checks what the teacher types for a name or a seat, and reads addresses. Names reach students in relayed lines
/// (<c>Chat:RelayPrefix</c>) and the dashboard escapes them, but a name must still not be able to break a line, hide
/// characters or pass for another student's line or address.
/// </summary>
public static class RosterText
{
    /// <summary>The text trimmed, or the reason it cannot be a name (or seat).</summary>
    public static RosterProblem? Check(string? text, int maxLength, out string clean)
    {
        clean = text?.Trim() ?? "";
        if (clean.Length == 0)
            return RosterProblem.Empty;
        if (clean.Length > maxLength)
            return RosterProblem.TooLong;
        TextSanitizer.Clean(clean, out var controls, out var invisible);
        if (controls || invisible || clean.AsSpan().IndexOfAny('\t', '\u0085') >= 0)
            return RosterProblem.Hidden;
        if (clean.AsSpan().IndexOfAny('[', ']') >= 0)
            return RosterProblem.Brackets;
        if (TryParseAddress(clean, out _, out _))
            return RosterProblem.LooksLikeAddress;
        return null;
    }

    /// <summary>
    /// Reads <c>192.168.1.23</c> (every port), <c>192.168.1.23:5000</c>, <c>::1</c> or <c>[::1]:5000</c>; the address as
    /// <c>IpText</c> shows it. Strict: <c>12</c> is a seat, not the address 0.0.0.12 that <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> makes of it.
    /// </summary>
    public static bool TryParseAddress(string? text, out string ip, out int? port)
    {
        ip = "";
        port = null;
        var trimmed = text?.Trim() ?? "";
        if (Strict(trimmed) is { } address)
        {
            ip = IpText.Format(address);
            return true;
        }
        string host, portText;
        if (trimmed.StartsWith('[') && trimmed.IndexOf("]:", StringComparison.Ordinal) is var close and > 0)
            (host, portText) = (trimmed[1..close], trimmed[(close + 2)..]);
        else if (trimmed.Count(c => c == ':') == 1)
            (host, portText) = (trimmed[..trimmed.IndexOf(':', StringComparison.Ordinal)], trimmed[(trimmed.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        else
            return false;
        if (Strict(host) is not { } hostAddress || !int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            return false;
        ip = IpText.Format(hostAddress);
        port = p;
        return true;
    }

    // IPv6 with colons, or IPv4 as four dotted numbers; brackets only around an address with its port (IPAddress.TryParse
    // would read [::1]:5000 as ::1 and drop the port).
    private static IPAddress? Strict(string text)
    {
        if (text.Contains('[', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var address))
            return null;
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? (text.Contains(':', StringComparison.Ordinal) ? address : null)
            : text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.') ? address : null;
    }
}
