using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Tests.Cli;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cluster;

/// <summary><c>chatops serve</c> as real processes with <c>Cluster__Redis</c>: two hosts relay one room through a real redis-server.</summary>
public sealed partial class ClusterServeTests
{
    [Fact]
    public async Task Two_serve_processes_on_one_Redis_relay_each_others_clients_with_the_senders_IP()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostA = Serve(redis, "host-a");
        await using var hostB = Serve(redis, "host-b");
        var portA = await StartedAsync(hostA, "host-a");
        var portB = await StartedAsync(hostB, "host-b");

        await using var a = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, portA), from: IPAddress.Parse("127.0.0.2"));
        await using var b = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, portB), from: IPAddress.Parse("127.0.0.3"));
        await a.ReadLineAsync(); // the welcome: admitted
        await b.ReadLineAsync();

        await a.SendLineAsync("bonjour de A");
        Assert.Equal("[127.0.0.2] bonjour de A", await b.ReadUntilAsync(l => l.Contains("bonjour", StringComparison.Ordinal)));
        await b.SendLineAsync("salut de B");
        Assert.Equal("[127.0.0.3] salut de B", await a.ReadUntilAsync(l => l.Contains("salut", StringComparison.Ordinal)));
    }

    private static CliProcess Serve(RedisServer redis, string hostId) =>
        CliProcess.StartWith(
            new Dictionary<string, string> { ["Cluster__Redis"] = redis.ConnectionString, ["Cluster__HostId"] = hostId },
            "serve", "--port", "0", "--bind", "127.0.0.1", "--mode", "relay");

    /// <summary>
    /// The room's port, once the host also said that its room reads the stream (from then on no line appended by another
    /// host is missed). The two lines come in either order.
    /// </summary>
    private static async Task<int> StartedAsync(CliProcess serve, string hostId)
    {
        var shared = $"Room main is shared through Redis as host {hostId}";
        int? port = null;
        var sharing = false;
        while (port is null || !sharing)
        {
            var line = await serve.WaitForLineAsync(l => l.Contains(shared, StringComparison.Ordinal) || PortPattern().IsMatch(l), TimeSpan.FromSeconds(30));
            if (PortPattern().Match(line) is { Success: true } m)
                port = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            else
                sharing = true;
        }
        return port.Value;
    }

    [GeneratedRegex(@"listening on port (\d+)")]
    private static partial Regex PortPattern();
}
