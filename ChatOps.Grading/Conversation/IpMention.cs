using System.Text.RegularExpressions;

namespace ChatOps.Grading.Conversation;

/// <summary>
/// Whether a message names an address before a text: <c>[ip] </c>, <c>ip: </c>, <c>&lt;ip&gt; </c>, <c>ip &gt; </c>,
/// <c>ip:port</c>… any prefix holding the address as a whole (127.0.0.2 is not 127.0.0.23).
/// </summary>
internal static class IpMention
{
    public static bool NamesBefore(string message, string ip, string text)
    {
        var at = message.IndexOf(text, StringComparison.Ordinal);
        var prefix = at < 0 ? message : message[..at];
        // IPv4 may follow "::ffff:" (a dual-stack server); IPv6 is bounded by anything that is not part of an address.
        var pattern = ip.Contains(':', StringComparison.Ordinal)
            ? $@"(?<![0-9A-Fa-f:]){Regex.Escape(ip)}(?![0-9A-Fa-f:])"
            : $@"(?<![0-9.]){Regex.Escape(ip)}(?![0-9]|\.[0-9])";
        return Regex.IsMatch(prefix, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    /// <summary>The message cut where each of the addresses appears, so that two messages glued together show as two parts.</summary>
    public static IReadOnlyList<string> SplitAt(string message, IEnumerable<string> ips)
    {
        var pattern = string.Join('|', ips.Distinct().Select(Regex.Escape));
        return pattern.Length == 0 ? [message] : Regex.Split(message, $"(?={pattern})", RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
