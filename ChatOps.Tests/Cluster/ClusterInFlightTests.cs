using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// A host's own lines appended to Redis but not yet read back (the cluster bus's in-flight window, OwnLines): when Redis
/// fails in between, they still reach the host's own clients, once, and before anything said later.
/// </summary>
public sealed partial class ClusterInFlightTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <param name="noticedFirst">
    /// True: host A knows Redis is down before its next line, which is then delivered without trying Redis. False: that
    /// line is sent as Redis hangs, and its append times out first.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lines_appended_but_not_read_back_when_Redis_hangs_reach_the_hosts_own_clients_once_before_later_lines(bool noticedFirst)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartAsync();
        var gate = new ReadGate();
        await using var hostA = await ClusterHost.StartAsync("host-a", redis, beforeRead: gate.WaitAsync);
        await using var hostC = await ClusterHost.StartAsync("host-c", redis);
        var a1 = await hostA.ConnectAsync(IPAddress.Parse("127.0.0.2"));
        var a2 = await hostA.ConnectAsync(IPAddress.Parse("127.0.0.3"));
        var c1 = await hostC.ConnectAsync(IPAddress.Parse("127.0.0.4"));

        // Host A's reader waits before its next read: what A appends from now on stays unread on A.
        await gate.Close().WaitAsync(Wait, ct);
        await a1.SendLineAsync("one");
        await a1.SendLineAsync("two");
        // Host C read both from the stream, so they were appended; A's writer takes nothing later before their answer.
        Assert.Equal(["one", "two"], await ReadChatAsync(c1, 2));

        // Redis hangs with both still unread on A; A's next line is delivered without Redis...
        await redis.PauseAsync();
        if (noticedFirst)
            await hostA.WhenRedisAsync(up: false).WaitAsync(Wait, ct);
        await a1.SendLineAsync("three");
        // ...and the lines in flight before it, each once, in order.
        Assert.Equal(["one", "two", "three"], await ReadChatAsync(a2, 3));

        // Redis wakes; A appends "three" for the others and reads the stream again, where its own entries are passed.
        await redis.ResumeAsync();
        await Task.WhenAll(hostA.WhenRedisAsync(up: true), hostC.WhenRedisAsync(up: true)).WaitAsync(Wait, ct);
        gate.Open();
        Assert.Equal(["three"], await ReadChatAsync(c1, 1));
        await c1.SendLineAsync("end"); // read by A after its own entries: anything delivered twice would come before it
        Assert.Equal(["end"], await ReadChatAsync(a2, 1));
        Assert.Equal(["end"], await ReadChatAsync(a1, 1));
    }

    /// <summary>The texts of the next <paramref name="count"/> relayed chat lines (notices skipped).</summary>
    private static async Task<List<string>> ReadChatAsync(TcpTestClient client, int count)
    {
        var texts = new List<string>();
        var elapsed = Stopwatch.StartNew();
        try
        {
            while (texts.Count < count)
            {
                var line = await client.ReadLineAsync(Wait - elapsed.Elapsed) ?? throw new InvalidOperationException("closed");
                if (Chat().Match(line) is { Success: true } m)
                    texts.Add(m.Groups[1].Value);
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{count} lines expected, {texts.Count} read: [{string.Join(", ", texts)}] ({e.Message})", e);
        }
        return texts;
    }

    [GeneratedRegex(@"^\[127\.0\.0\.\d\] (one|two|three|end)$")]
    private static partial Regex Chat();
}
