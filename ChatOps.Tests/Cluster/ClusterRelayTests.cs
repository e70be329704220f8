using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// Three hosts share one relay room through a real redis-server (issue: "Beyond one machine"): every line reaches every
/// other client once, in the same order on every host, with its sender's IP, and Redis failing stops no lab.
/// </summary>
public sealed partial class ClusterRelayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string[] HostIds = ["host-a", "host-b", "host-c"];

    [Fact]
    public async Task Lines_from_clients_on_three_hosts_reach_every_other_client_once_in_the_same_order_with_the_senders_IP()
    {
        await InClusterAsync(async (redis, hosts) =>
        {
            var clients = new List<(TcpTestClient Client, string Ip)>();
            for (var i = 0; i < 6; i++)
            {
                var ip = $"127.0.0.{i + 2}";
                clients.Add((await hosts[i % 3].ConnectAsync(IPAddress.Parse(ip)), ip));
            }
            const int perClient = 25;

            await Task.WhenAll(clients.Select(async (c, i) =>
            {
                for (var k = 0; k < perClient; k++)
                    await c.Client.SendLineAsync($"c{i}-{k}");
            }));
            var received = await Task.WhenAll(clients.Select(c => ReadChatAsync(c.Client, 5 * perClient)));

            for (var i = 0; i < clients.Count; i++)
            {
                var lines = received[i];
                Assert.Equal(lines.Count, lines.Distinct().Count());
                Assert.DoesNotContain(lines, l => l.Text.StartsWith($"c{i}-", StringComparison.Ordinal));
                foreach (var line in lines)
                    Assert.Equal(clients[int.Parse(line.Text[1..line.Text.IndexOf('-')], CultureInfo.InvariantCulture)].Ip, line.Ip);
                // Each sender's lines in the order it sent them.
                foreach (var sender in lines.GroupBy(l => l.Text[..l.Text.IndexOf('-')]))
                    Assert.Equal(Enumerable.Range(0, perClient).Select(k => $"{sender.Key}-{k}"), sender.Select(l => l.Text));
            }
            // One order for the whole room: any two clients saw the lines they both got in the same order.
            for (var a = 0; a < clients.Count; a++)
            {
                for (var b = a + 1; b < clients.Count; b++)
                {
                    var both = received[a].Select(l => l.Text).Intersect(received[b].Select(l => l.Text)).ToHashSet();
                    Assert.Equal(received[a].Select(l => l.Text).Where(both.Contains), received[b].Select(l => l.Text).Where(both.Contains));
                }
            }
        });
    }

    [Fact]
    public async Task With_Redis_killed_local_relay_goes_on_and_after_a_restart_cross_host_lines_resume_with_nothing_delivered_twice()
    {
        await InClusterAsync(async (redis, hosts) =>
        {
            var (a1, a2, c1) = await TwoOnAOneOnCAsync(hosts);
            await a1.SendLineAsync("before");
            Assert.Equal("before", (await ReadChatAsync(a2, 1))[0].Text);
            Assert.Equal("before", (await ReadChatAsync(c1, 1))[0].Text);

            await redis.KillAsync();
            await Task.WhenAll(hosts.Select(h => h.WhenRedisAsync(up: false))).WaitAsync(Wait, TestContext.Current.CancellationToken);
            await a1.SendLineAsync("during");
            Assert.Equal("during", (await ReadChatAsync(a2, 1))[0].Text); // local relay, Redis gone

            await redis.RestartAsync();
            await Task.WhenAll(hosts.Select(h => h.WhenRedisAsync(up: true))).WaitAsync(Wait, TestContext.Current.CancellationToken);
            await a1.SendLineAsync("after");

            // c1 gets what a1 said while Redis was down, late, then the rest; a2 nothing twice.
            Assert.Equal(["during", "after"], (await ReadChatAsync(c1, 2)).Select(l => l.Text));
            await c1.SendLineAsync("end"); // after "after" reached host C: every host has it after "after"
            Assert.Equal(["after", "end"], (await ReadChatAsync(a2, 2)).Select(l => l.Text));
            Assert.Equal(["end"], (await ReadChatAsync(a1, 1)).Select(l => l.Text));
        });
    }

    [Fact]
    public async Task A_paused_Redis_is_noticed_within_three_seconds_local_relay_goes_on_and_nothing_is_delivered_twice_when_it_wakes()
    {
        await InClusterAsync(async (redis, hosts) =>
        {
            var (a1, a2, c1) = await TwoOnAOneOnCAsync(hosts);

            var down = Task.WhenAll(hosts.Select(h => h.WhenRedisAsync(up: false)));
            var paused = Stopwatch.StartNew();
            await redis.PauseAsync();
            // A line sent as Redis stops: its append hangs, times out, and the line is delivered locally instead.
            await a1.SendLineAsync("as it stops");
            await down.WaitAsync(Wait, TestContext.Current.CancellationToken);
            var noticed = paused.Elapsed;
            Assert.True(noticed < TimeSpan.FromSeconds(3), $"the hosts noticed the hung Redis after {noticed.TotalMilliseconds:F0} ms");
            await a1.SendLineAsync("while stopped");
            Assert.Equal(["as it stops", "while stopped"], (await ReadChatAsync(a2, 2)).Select(l => l.Text));

            await redis.ResumeAsync();
            await Task.WhenAll(hosts.Select(h => h.WhenRedisAsync(up: true))).WaitAsync(Wait, TestContext.Current.CancellationToken);
            await a1.SendLineAsync("awake");

            // The hung append lands when Redis wakes and the backlog is appended again: each line still arrives once.
            Assert.Equal(["as it stops", "while stopped", "awake"], (await ReadChatAsync(c1, 3)).Select(l => l.Text));
            await c1.SendLineAsync("end");
            Assert.Equal(["awake", "end"], (await ReadChatAsync(a2, 2)).Select(l => l.Text));
        });
    }

    /// <summary>A real redis-server and three hosts (host-a, host-b, host-c) on it, for the test's body; all stopped after.</summary>
    private static async Task InClusterAsync(Func<RedisServer, ClusterHost[], Task> test)
    {
        await using var redis = await RedisServer.StartAsync();
        var hosts = await Task.WhenAll(HostIds.Select(id => ClusterHost.StartAsync(id, redis)));
        try
        {
            await test(redis, hosts);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    /// <summary>Two students on host A (a1, a2: A's own relay) and one on host C (c1: through Redis).</summary>
    private static async Task<(TcpTestClient A1, TcpTestClient A2, TcpTestClient C1)> TwoOnAOneOnCAsync(ClusterHost[] hosts) =>
        (await hosts[0].ConnectAsync(IPAddress.Parse("127.0.0.2")),
         await hosts[0].ConnectAsync(IPAddress.Parse("127.0.0.3")),
         await hosts[2].ConnectAsync(IPAddress.Parse("127.0.0.4")));

    /// <summary>
    /// The next <paramref name="count"/> relayed chat lines (<c>[ip] text</c>; notices skipped). A line delivered twice
    /// shows as an extra line before the one expected next: the tests end with a line sent last ("end") as the fence.
    /// </summary>
    private static async Task<List<(string Ip, string Text)>> ReadChatAsync(TcpTestClient client, int count)
    {
        var lines = new List<(string Ip, string Text)>();
        var deadline = Stopwatch.StartNew();
        while (lines.Count < count)
        {
            var line = await client.ReadLineAsync(Wait - deadline.Elapsed) ?? throw new InvalidOperationException($"closed after {lines.Count} of {count} lines");
            if (Chat().Match(line) is { Success: true } m)
                lines.Add((m.Groups[1].Value, m.Groups[2].Value));
        }
        return lines;
    }

    [GeneratedRegex(@"^\[([0-9.]+)\] (c\d+-\d+|before|during|after|end|as it stops|while stopped|awake)$")]
    private static partial Regex Chat();
}
