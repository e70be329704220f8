using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ChatOps.History.Queries;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.History;

/// <summary>
/// The engine and its history run in a child process that is killed with SIGKILL during traffic. Every line the engine
/// had relayed more than a second before the kill must be in the file afterwards.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const int MaxLines = 400;
    private const int KillAfterLines = 120;
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_kill_9_the_history_holds_every_line_relayed_more_than_a_second_before_the_kill()
    {
        using var child = StartChild(_folder.Combine("data"));
        try
        {
            var port = await ReadPortAsync(child);
            await using var sender = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            await sender.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
            await using var watcher = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            await watcher.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));

            // The watcher sees a line only after the engine published it: its arrival time bounds the publication.
            var clock = Stopwatch.StartNew();
            var relayed = new ConcurrentQueue<(int Number, TimeSpan At)>();
            using var enough = new CancellationTokenSource();
            var watching = WatchAsync(watcher, relayed, clock);
            var sending = SendAsync(sender, enough.Token);
            await Task.WhenAny(watching, Task.Delay(Timeout, Ct));
            Assert.True(watching.IsCompletedSuccessfully, "the watcher did not see enough lines relayed");

            var killedAt = clock.Elapsed;
            child.Kill(); // SIGKILL on Linux: no shutdown code runs.
            await child.WaitForExitAsync(Ct).WaitAsync(Timeout, Ct);
            await enough.CancelAsync();
            await sending.WaitAsync(Timeout, Ct);

            var deadline = killedAt - TimeSpan.FromSeconds(1);
            var mustHave = relayed.Where(r => r.At <= deadline).Select(r => r.Number).ToList();
            Assert.True(mustHave.Count >= 20, $"only {mustHave.Count} lines were relayed more than a second before the kill");

            await using var reopened = await HistoryHost.StartAsync(_folder.Combine("data"));
            var session = (await reopened.Queries.ListSessionsAsync(cancellationToken: Ct)).Items.Single(s => s.StopReason == "Interrupted");
            var stored = (await reopened.Queries.GetLinesAsync(new LineQuery(session.Id, Text: "line ", PageSize: 500), Ct)).Items
                .Where(l => l.Kind == LineKind.Chat)
                .Select(l => int.Parse(l.Text["line ".Length..], System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            Assert.Empty(mustHave.Except(stored));
            Assert.Equal(Enumerable.Range(0, stored.Count), stored); // what was kept has no holes
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"kill -9 after {relayed.Count} relayed lines: {mustHave.Count} older than 1 s, {stored.Count} stored (lost at most {relayed.Count - stored.Count} of the last second)");
        }
        finally
        {
            if (!child.HasExited)
                child.Kill();
        }
    }

    private static Process StartChild(string dataPath)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ChatOps.Tests.CrashHost.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll, "--Chat:Port=0", "--Chat:BindAddress=127.0.0.1", "--Chat:Language=en", $"--Data:Path={dataPath}",
            "--Chat:MaxLinesPerSecond=1000", "--Chat:LineBurst=1000",
        })
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    private static async Task<int> ReadPortAsync(Process child)
    {
        var line = await child.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(Timeout, Ct);
        Assert.NotNull(line);
        Assert.StartsWith("port ", line, StringComparison.Ordinal);
        return int.Parse(line["port ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    // About 50 lines a second, bounded in count; it goes on while the process is killed, so the kill happens during traffic.
    private static async Task SendAsync(TcpTestClient sender, CancellationToken stop)
    {
        try
        {
            for (var i = 0; i < MaxLines && !stop.IsCancellationRequested; i++)
            {
                await sender.SendLineAsync($"line {i}");
                await Task.Delay(TimeSpan.FromMilliseconds(20), Ct);
            }
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            // The server was killed while we were sending (a reset): that is the point of the test.
        }
    }

    private static async Task WatchAsync(TcpTestClient watcher, ConcurrentQueue<(int, TimeSpan)> relayed, Stopwatch clock)
    {
        const string Prefix = "[127.0.0.1] line ";
        while (relayed.Count < KillAfterLines)
        {
            var line = await watcher.ReadUntilAsync(l => l.StartsWith(Prefix, StringComparison.Ordinal));
            relayed.Enqueue((int.Parse(line[Prefix.Length..], System.Globalization.CultureInfo.InvariantCulture), clock.Elapsed));
        }
    }

    public void Dispose() => _folder.Dispose();
}
