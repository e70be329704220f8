using System.Net;

namespace ChatOps.Cli.Bench;

/// <summary>
/// Opens many connections at once (at most <c>parallel</c> handshakes in flight) and times each one; connection
/// <c>i</c> goes to <c>servers[i mod count]</c> (one server, or the hosts of a cluster in turn).
/// </summary>
internal static class Connector
{
    /// <summary>Once <paramref name="maxFailures"/> handshakes failed, the rest are not tried: a full server costs seconds, not minutes.</summary>
    public static async Task<ConnectResult> ConnectAsync(IReadOnlyList<IPEndPoint> servers, int count, int parallel, TimeSpan timeout, CancellationToken cancellationToken, int maxFailures = int.MaxValue)
    {
        var failures = 0;
        var connections = new BenchConnection?[count];
        var errors = new string?[count];
        using var gate = new SemaphoreSlim(parallel);
        var attempts = new Task[count];
        for (var i = 0; i < count; i++)
            attempts[i] = ConnectOneAsync(i);
        await Task.WhenAll(attempts);

        var connected = connections.OfType<BenchConnection>().ToList();
        var firstError = errors.FirstOrDefault(e => e is not null);
        return new ConnectResult(connected, count - connected.Count, firstError);

        async Task ConnectOneAsync(int index)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (Volatile.Read(ref failures) >= maxFailures)
                {
                    errors[index] = "not tried: too many failures";
                    return;
                }
                connections[index] = await BenchConnection.ConnectAsync(servers[index % servers.Count], timeout, cancellationToken);
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // A refused or timed-out handshake is a result to report, not a failure of the benchmark.
                errors[index] = ex.Message;
                Interlocked.Increment(ref failures);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}

internal sealed record ConnectResult(IReadOnlyList<BenchConnection> Connections, int Failed, string? FirstError)
{
    public Summary ConnectMillis() => Summary.Of(Connections.Select(c => c.ConnectTime.TotalMilliseconds).ToArray());
}
