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
