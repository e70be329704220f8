using System.Text;
using ChatOps.Cluster.Bus;
using ChatOps.Cluster.Options;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Bus;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// The sessions of a room publish on its bus from their own read loops, at once: every broadcast must still reach the
/// other hosts (each host's numbers are how the others skip an entry appended twice, so they must reach Redis in order).
/// </summary>
public sealed class ClusterPublishTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Broadcasts_published_at_once_from_several_threads_all_reach_another_host_each_threads_in_order()
    {
        const int threads = 4;
        const int each = 3000;
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartAsync();
        await using var linkA = RedisLink.Connect(new ClusterOptions { Redis = redis.ConnectionString, HostId = "host-a" });
        await using var linkC = RedisLink.Connect(new ClusterOptions { Redis = redis.ConnectionString, HostId = "host-c" });
        await using var busA = new RedisStreamBus("main", linkA, NullLogger.Instance);
        await using var busC = new RedisStreamBus("main", linkC, NullLogger.Instance);
        var received = new List<string>();
        var end = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onA = busA.Subscribe(_ => { });
        using var onC = busC.Subscribe(b =>
        {
            var text = Encoding.ASCII.GetString(b.Bytes.Span).TrimEnd('\n');
            if (text == "end")
                end.TrySetResult();
            else
                received.Add(text); // one reader per bus: no lock needed
        });
        await Task.WhenAll(busA.Reading, busC.Reading).WaitAsync(Wait, ct);

        using var go = new ManualResetEventSlim();
        var publishing = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            go.Wait(ct);
            for (var i = 0; i < each; i++)
                busA.Publish(new ChatBroadcast(Encoding.ASCII.GetBytes($"{t}-{i}\n"), t + 1));
        }, ct)).ToArray();
        go.Set();
        await Task.WhenAll(publishing).WaitAsync(Wait, ct);
        // Published after every other one: once host C has it, it has read everything before it in the stream.
        busA.Publish(new ChatBroadcast("end\n"u8.ToArray()));
        await end.Task.WaitAsync(Wait, ct);

        Assert.Equal(threads * each, received.Count);
        foreach (var thread in received.GroupBy(r => r[..r.IndexOf('-', StringComparison.Ordinal)]))
            Assert.Equal(Enumerable.Range(0, each).Select(i => $"{thread.Key}-{i}"), thread);
    }
}
