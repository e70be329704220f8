using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ChatOps.Grading;
using ChatOps.TcpEngine;

namespace ChatOps.Cli.Check;

/// <summary>The command line, checked: each wrong value is one line that names the option (no stack trace, no help page).</summary>
internal static partial class CheckArguments
{
    public static ChatMode? Exercise(string? value, out string? error)
    {
        error = null;
        if (Exercises.TryParse(value, out var mode))
            return mode;
        error = $"--exercise must be echo, sync, async or relay (got {Words.Quote(value ?? "")})";
        return null;
    }

    public static int? Port(string value, out string? error)
    {
        error = null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            return port;
        error = $"PORT must be a number from 1 to 65535 (got {Words.Quote(value)})";
        return null;
    }

    /// <summary>"5s", "1.5s", "500ms", or a number of seconds; between 100 ms and 60 s.</summary>
    public static TimeSpan? Timeout(string value, out string? error)
    {
        error = null;
        var match = DurationPattern().Match(value.Trim());
        if (match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var span = match.Groups[2].Value == "ms" ? TimeSpan.FromMilliseconds(number) : TimeSpan.FromSeconds(number);
            if (span >= TimeSpan.FromMilliseconds(100) && span <= TimeSpan.FromSeconds(60))
                return span;
        }
        error = $"--timeout must be a duration from 100ms to 60s, e.g. 5s or 500ms (got {Words.Quote(value)})";
        return null;
    }

    /// <summary>Comma-separated local addresses, each one this machine can bind (127.0.0.2 works on Linux loopback).</summary>
    public static IReadOnlyList<IPAddress>? From(string? value, AddressFamily family, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
            return [];
        var addresses = new List<IPAddress>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(part, out var address))
            {
                error = $"--from: {Words.Quote(part)} is not an IP address";
                return null;
            }
            if (address.AddressFamily != family)
            {
                error = $"--from: {part} is not of the same family (IPv4/IPv6) as the server's address";
                return null;
            }
            try
            {
                using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(address, 0));
            }
            catch (SocketException ex)
            {
                error = $"--from: cannot connect from {part} on this machine ({ex.Message})";
                return null;
            }
            addresses.Add(address);
        }
        return addresses;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(ms|s)?$")]
    private static partial Regex DurationPattern();
}
