using System.Net;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>The orders of the Connections table's headers. Each ascending; the table reverses it on a second click.</summary>
internal static class ConnectionSorts
{
    /// <summary>By address as numbers (127.0.0.9 before 127.0.0.10), then port: the students behind one NAT stay together.</summary>
    public static readonly ConnectionSort Ip = new("ip", (a, b) =>
    {
        var byAddress = CompareAddresses(a.Ip, b.Ip);
        return byAddress != 0 ? byAddress : a.Port.CompareTo(b.Port);
    });

    /// <summary>Order of arrival: the table's order until the teacher picks another.</summary>
    public static readonly ConnectionSort Since = new("since", (a, b) => a.ConnectedAt.CompareTo(b.ConnectedAt));

    public static readonly ConnectionSort LastActivity = new("activity", (a, b) => a.LastActivity.CompareTo(b.LastActivity));

    /// <summary>Lines the student sent: who has written the most (or nothing yet).</summary>
    public static readonly ConnectionSort LinesIn = new("in", (a, b) => a.LinesIn.CompareTo(b.LinesIn));

    public static readonly ConnectionSort LinesOut = new("out", (a, b) => a.LinesOut.CompareTo(b.LinesOut));

    private static int CompareAddresses(string a, string b)
    {
        if (!IPAddress.TryParse(a, out var x) || !IPAddress.TryParse(b, out var y))
            return string.CompareOrdinal(a, b);
        // IPv4 before IPv6, then byte by byte (the same length within a family).
        var (bx, by) = (x.GetAddressBytes(), y.GetAddressBytes());
        return bx.Length != by.Length ? bx.Length.CompareTo(by.Length) : bx.AsSpan().SequenceCompareTo(by);
    }
}
