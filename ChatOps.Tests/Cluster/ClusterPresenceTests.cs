using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Tests.Cli;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// Every host's heartbeat in Redis: a host sees the others' connections, and a host killed with <c>kill -9</c> is shown
/// gone, without its connections, once its heartbeat expires.
/// </summary>
public sealed partial class ClusterPresenceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Host_B_lists_the_connections_of_a_serve_process_and_shows_it_gone_after_kill_9()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostB = await ClusterHost.StartAsync("host-b", redis);
        var hostA = CliProcess.StartWith(
            new Dictionary<string, string>
            {
                ["Cluster__Redis"] = redis.ConnectionString,
                ["Cluster__HostId"] = "host-a",
                ["Cluster__HeartbeatInterval"] = "00:00:00.200",
                ["Cluster__HostExpiry"] = "00:00:01",
            },
            "serve", "--port", "0", "--bind", "127.0.0.1", "--mode", "relay");
        TcpTestClient? student = null;
        try
        {
            var line = await hostA.WaitForLineAsync(l => PortPattern().IsMatch(l), Wait);
            var port = int.Parse(PortPattern().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
            student = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), from: IPAddress.Parse("127.0.0.2"));
            await student.ReadLineAsync(); // admitted

            // Heartbeats are periodic: no event says "written"; the view is read until it shows the connection.
            await Eventually.HoldsAsync(() => ConnectionsOf(hostB, "host-a").Contains(("127.0.0.2", student.LocalEndPoint.Port)),
                "host B lists host A's student", Wait);
            var self = (await hostB.Presence.HostsAsync()).Single(h => h.HostId == "host-b");
            Assert.True(self.IsAlive);

            await hostA.DisposeAsync(); // SIGKILL: no goodbye, the heartbeat just stops
            await Eventually.HoldsAsync(() => Gone(hostB, "host-a"), "host A shown gone once its heartbeat expired", Wait);
            Assert.Empty(ConnectionsOf(hostB, "host-a"));
        }
        finally
        {
            if (student is not null)
                await student.DisposeAsync();
            await hostA.DisposeAsync();
        }
    }

    private static List<(string Ip, int Port)> ConnectionsOf(ClusterHost observer, string hostId) =>
        [.. observer.Presence.HostsAsync().GetAwaiter().GetResult()
            .Where(h => h.HostId == hostId && h.Summary is not null)
            .SelectMany(h => h.Summary!.Connections.Select(c => (c.Ip, c.Port)))];

    private static bool Gone(ClusterHost observer, string hostId) =>
        observer.Presence.HostsAsync().GetAwaiter().GetResult().Any(h => h.HostId == hostId && !h.IsAlive);

    [GeneratedRegex(@"listening on port (\d+)")]
    private static partial Regex PortPattern();
}
