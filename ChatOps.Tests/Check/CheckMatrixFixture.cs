using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ChatOps.Grading;

namespace ChatOps.Tests.Check;

/// <summary>
/// Runs <c>chatops check</c>'s runner against every student-style server once, a few servers at a time (most of a
/// check is waiting), so that the matrix costs the time of the slowest servers rather than the sum.
/// </summary>
public sealed class CheckMatrixFixture : IAsyncLifetime
{
    // Servers checked at once. Each relay check pushes megabytes through Python (slow_reader): more would make the
    // two cores, not the servers, the thing measured.
    private const int Parallel = 8;

    private readonly ConcurrentDictionary<string, Run> _runs = new();

    /// <summary>Two seconds a step: a correct server answers in milliseconds, even on a busy machine.</summary>
    internal static CheckOptions Options { get; } = new()
    {
        Timeout = TimeSpan.FromSeconds(2),
        Arret = true,
        From = [IPAddress.Parse("127.0.0.2"), IPAddress.Parse("127.0.0.3"), IPAddress.Parse("127.0.0.4")],
        // The test machine is shared: a Python thread may wait a while for a core before it registers a client.
        Settle = TimeSpan.FromMilliseconds(300),
        // The servers without newline wait 200 ms of silence (studentlib.py): a wide margin over it, for the same reason.
        MessagePause = TimeSpan.FromMilliseconds(500),
        // split_message's pieces 20 ms apart rather than 50: a pause the scheduler stretches past those 200 ms would make
        // a correct server see two messages. The server that takes one recv() for a message still fails, by the
        // message's length (SplitMessageCheck.MessageBytes > its recv(1024)), whatever the pause.
        SplitPause = TimeSpan.FromMilliseconds(20),
    };

    internal Run this[string name] => _runs[name];

    public TimeSpan Elapsed { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var started = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(Parallel);
        // The servers that fail most checks wait out most timeouts: they start first, the quick ones fill in around them.
        var slowestFirst = ServerCases.All.OrderByDescending(c => c.Expected.Values.Count(v => v == CheckVerdict.Fail));
        await Task.WhenAll(slowestFirst.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                _runs[c.Name] = await RunAsync(c);
            }
            finally
            {
                gate.Release();
            }
        }));
        Elapsed = Stopwatch.GetElapsedTime(started);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<Run> RunAsync(ServerCase c)
    {
        var started = Stopwatch.GetTimestamp();
        await using var server = c.Script is null ? null : await StudentServer.StartAsync(c.Script, c.Args);
        var target = new CheckTarget("127.0.0.1", new IPEndPoint(IPAddress.Loopback, server?.Port ?? ClosedPort()));
        var results = new List<CheckResult>();
        await foreach (var result in CheckRunner.RunAsync(target, c.Exercise, Options))
            results.Add(result);
        return new Run(results, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A port that was free a moment ago: connections to it are refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed record Run(IReadOnlyList<CheckResult> Results, TimeSpan Elapsed);
}
