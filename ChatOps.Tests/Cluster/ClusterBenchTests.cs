using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Cluster;

/// <summary><c>chatops bench fanout</c> with three ports: the clients spread over three hosts that share one room through a real redis-server.</summary>
public sealed class ClusterBenchTests
{
    private static readonly string[] HostIds = ["host-a", "host-b", "host-c"];

    [Fact]
    public async Task Spread_over_three_hosts_every_line_reaches_every_other_client_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.StartAsync();
        var hosts = await Task.WhenAll(HostIds.Select(id => ClusterHost.StartAsync(id, redis)));
        try
        {
            // 10 lines/s per sender: under the lab's rate limit, which these hosts keep.
            var settings = new FanoutSettings([.. hosts.Select(h => h.Engine.LocalEndPoint!)], Clients: 6, Senders: 6, Rate: 10,
                Duration: TimeSpan.FromSeconds(2), Warmup: TimeSpan.FromMilliseconds(500), Window: 16, LineBytes: 64, SlowReaders: 0,
                ServerPids: [], ConnectTimeout: TimeSpan.FromSeconds(10), ConnectParallel: 0);

            var report = await FanoutRun.RunAsync(settings, new ProgressLine(TextWriter.Null, quiet: true), ct).WaitAsync(TimeSpan.FromSeconds(60), ct);

            Assert.Null(report.Error); // the probe of a client of host A reached the clients of hosts B and C
            Assert.True(report.SentLines > 0);
            Assert.Equal(report.SentLines * 5, report.ExpectedDeliveries);
            Assert.Equal(report.ExpectedDeliveries, report.ReceivedDeliveries);
            Assert.Equal(0, report.RepeatedDeliveries);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }
}
