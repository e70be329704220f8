using System.Net;
using System.Net.Sockets;
using ChatOps.Cli.Bench;

namespace ChatOps.Tests.Bench;

public sealed class ConnectorTests
{
    [Fact]
    public async Task Connections_to_several_servers_go_round_robin()
    {
        var ct = TestContext.Current.CancellationToken;
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var l in listeners)
                l.Start();

            var result = await Connector.ConnectAsync([.. listeners.Select(l => (IPEndPoint)l.LocalEndpoint)], 7, 7, TimeSpan.FromSeconds(10), ct);

            Assert.Equal(7, result.Connections.Count);
            var accepted = await Task.WhenAll(listeners.Select(l => AcceptAllAsync(l, ct)));
            Assert.Equal([3, 2, 2], accepted);
            foreach (var c in result.Connections)
                c.Dispose();
        }
        finally
        {
            foreach (var l in listeners)
                l.Dispose();
        }
    }

    // Every handshake is complete (ConnectAsync returned), so the accept queue holds them all: take them without waiting.
    private static async Task<int> AcceptAllAsync(TcpListener listener, CancellationToken ct)
    {
        var accepted = 0;
        while (listener.Pending())
        {
            using var socket = await listener.AcceptSocketAsync(ct);
            accepted++;
        }
        return accepted;
    }
}
