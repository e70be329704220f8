using System.Globalization;

namespace ChatOps.History.Queries;

/// <summary>How a client's endpoint is shown everywhere: <c>192.168.1.23:5000</c>, <c>[::1]:5000</c>, the address alone without a port.</summary>
public static class Endpoints
{
    public static string Text(string? ip, int? port)
    {
        if (string.IsNullOrEmpty(ip))
            return "";
        if (port is not { } p)
            return ip;
        var host = ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]" : ip;
        return string.Create(CultureInfo.InvariantCulture, $"{host}:{p}");
    }
}
