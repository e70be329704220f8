using System.CommandLine;
using System.Net;
using System.Text.Json;

namespace ChatOps.Cli.Bench;

/// <summary>Options both bench commands share, and how they print.</summary>
internal static class BenchOptions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Option<string> Host() => new("--host") { Description = "Relay address; loopback only (default 127.0.0.1).", DefaultValueFactory = _ => "127.0.0.1" };

    public static Option<int> Port() => new("--port", "-p") { Description = "Relay TCP port.", Required = true };

    public static Option<int> Clients(int fallback) => new("--clients", "-n") { Description = $"Connections to open (default {fallback}).", DefaultValueFactory = _ => fallback };

    /// <summary>One port, or several (<c>7071,7072,7073</c> or <c>--port 7071 --port 7072</c>): the hosts of a cluster, used in turn.</summary>
    public static Option<int[]> Ports() => new("--port", "-p")
    {
        Description = "Relay TCP port; several (7071,7072,7073) spread the clients round-robin across the hosts of a cluster.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = ParseList,
    };

    /// <summary>The relay's process ids (several for a cluster: its hosts and Redis), summed in the report.</summary>
    public static Option<int[]> ServerPids() => new("--server-pid")
    {
        Description = "The relay's process id, to report its CPU time; several (a cluster's hosts and Redis, 11,12,13,14) are summed, and each is reported.",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = ParseList,
        DefaultValueFactory = _ => [],
    };

    public static Option<int?> ServerPid() => new("--server-pid") { Description = "The relay's process id, to report its CPU time, memory and descriptors (System.Diagnostics.Process)." };

    public static Option<bool> JsonOutput() => new("--json") { Description = "Print one JSON object at the end instead of text (progress still goes to stderr)." };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress line." };

    public static Option<double> Seconds(string name, string description, double fallback) =>
        new(name) { Description = $"{description} (seconds, default {fallback}).", DefaultValueFactory = _ => fallback };

    /// <summary>Resolves the host and refuses anything that is not loopback: benchmark traffic never leaves the machine.</summary>
    public static IPEndPoint? Loopback(string host, int port, TextWriter errors)
    {
        var address = IPAddress.TryParse(host, out var parsed) ? parsed
            : Dns.GetHostAddresses(host).FirstOrDefault(IPAddress.IsLoopback);
        if (address is null || !IPAddress.IsLoopback(address) || port is < 1 or > 65535)
        {
            errors.WriteLine($"chatops bench: {host}:{port} is not a loopback address and port; the benchmark only runs on this machine.");
            return null;
        }
        return new IPEndPoint(address, port);
    }

    // "7071,7072 7073": commas or separate words, each a positive number.
    private static int[] ParseList(System.CommandLine.Parsing.ArgumentResult result)
    {
        var values = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                result.AddError($"'{part}' is not a positive number.");
                return [];
            }
            values.Add(value);
        }
        return [.. values];
    }

    public static void Print<T>(T report, bool json, IEnumerable<string> text, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, Json));
            return;
        }
        foreach (var line in text)
            output.WriteLine(line);
    }
}
