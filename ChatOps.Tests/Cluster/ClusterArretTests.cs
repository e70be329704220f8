using System.Net;
using ChatOps.Cluster.Control;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cluster;

/// <summary>An arret on one host stops the room on every host of the cluster, and each host's acknowledgement is recorded.</summary>
public sealed class ClusterArretTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string[] HostIds = ["host-a", "host-b", "host-c"];

    [Fact]
    public async Task A_clients_arret_on_host_A_reaches_every_client_on_every_host_stops_every_host_and_each_host_acknowledges()
    {
        await using var redis = await RedisServer.StartAsync();
        var hosts = await Task.WhenAll(HostIds.Select(id => ClusterHost.StartAsync(id, redis)));
        try
        {
            await Task.WhenAll(hosts.Select(h => h.Arret.Listening));
            var clients = new List<TcpTestClient>();
            for (var i = 0; i < hosts.Length; i++)
                clients.Add(await hosts[i].ConnectAsync(IPAddress.Parse($"127.0.0.{i + 2}")));
            var acknowledged = hosts.Select(Acknowledgement).ToList();

            await clients[0].SendLineAsync("arret");

            foreach (var client in clients)
                Assert.Contains(await client.ReadToEndAsync(Wait), l => l.StartsWith("* arret", StringComparison.Ordinal));
            var arrets = await Task.WhenAll(acknowledged).WaitAsync(Wait, TestContext.Current.CancellationToken);
            var arret = Assert.Single(arrets.Distinct());
            Assert.Equal(("host-a", "main"), (arret.HostId, arret.Room));
            Assert.All(hosts, h => Assert.False(h.Engine.IsRunning, $"{h.HostId} still listens"));
            var acks = await hosts[1].Arret.AcknowledgementsAsync(arret.ToString());
            Assert.Equal(HostIds, acks.Keys.Order());
            Assert.Equal("cluster:host-a", hosts[2].Engine.LastStop?.By);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    private static Task<ArretId> Acknowledgement(ClusterHost host)
    {
        var done = new TaskCompletionSource<ArretId>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Arret.Acknowledged += id => done.TrySetResult(id);
        return done.Task;
    }
}
