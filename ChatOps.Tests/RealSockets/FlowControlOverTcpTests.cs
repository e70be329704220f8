using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

/// <summary>
/// Flow control over real sockets (docs/protocol.md, "Flow control"): a full queue pauses the senders of its lines
/// instead of cutting its reader; only a reader that drains nothing for <see cref="ChatOptions.StalledReaderTimeout"/> is cut.
/// </summary>
[Collection(nameof(HeavySockets))]
public sealed class FlowControlOverTcpTests
{
    // "[127.0.0.1] " + 47 characters + "\n": a 60-byte relayed line, a typical chat line.
    private const int RelayedLineBytes = 60;

    // A blocking client that doesn't read while its student types: 30 s of a full class at the default rate limit
    // (29 classmates × 20 lines/s) is 17,400 lines. Ten minutes of realistic traffic (5 lines/s in all) is 3,000: fewer.
    // The default queue must hold them alone, whatever the kernel's buffers: the client reads through a 4 KB one.
    // Sent at once rather than over 30 s, which changes nothing: only a full queue starts a clock.
    [Fact]
    public async Task A_client_that_reads_nothing_during_30_s_of_a_full_class_at_the_default_limit_is_not_cut_and_gets_every_line()
    {
        const int lines = 29 * 20 * 30;
        var defaults = new ChatOptions();
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o =>
        {
            // One test socket stands for the 29 classmates: only the sender's own limit is lifted.
            o.MaxLinesPerSecond = 1_000_000;
            o.LineBurst = 1_000_000;
        });
        var student = await chat.ConnectAsync(receiveBuffer: 4096);
        var studentPort = student.LocalEndPoint.Port;
        await chat.Events.WaitForAsync<ClientConnected>(e => e.Port == studentPort);
        var witness = await chat.ConnectJoinedAsync();
        var classmates = await chat.ConnectJoinedAsync();
        await student.ReadLineAsync(); // The welcome; then it reads nothing until the class is done.

        await classmates.SendAsync(Lines(lines));
        var relayed = await witness.ReadThroughAsync(l => l.EndsWith(Text(lines - 1), StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.Equal(lines, relayed.Count(l => l.StartsWith("[127.0.0.1] ", StringComparison.Ordinal)));
        var queued = chat.Engine.GetSessions().Single(s => s.Port == studentPort);
        Assert.True(queued.QueuedBytes < defaults.MaxQueuedBytes, $"{queued.QueuedBytes} bytes queued: the queue filled");
        Assert.Null(queued.PausedFor);
        var read = await student.ReadThroughAsync(l => l.EndsWith(Text(lines - 1), StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(0, lines).Select(i => "[127.0.0.1] " + Text(i)), read.Where(l => l.StartsWith('[')));
        Assert.DoesNotContain(chat.Events.Drain().OfType<ClientDisconnected>(), e => e.Port == studentPort);
    }

    // A client that never reads, with the senders' lines filling its queue: the others wait once, at most 1.25 × the
    // stall timeout (the watchdog looks every quarter), it is cut, and the others get every line, in order.
    [Fact]
    public async Task Behind_a_client_that_never_reads_the_others_wait_once_within_the_stall_bound_and_lose_nothing()
    {
        var stall = TimeSpan.FromSeconds(1);
        const int lines = 16_000; // About 16 MB: far more than the kernel's buffers toward the stuck client hold.
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o =>
        {
            o.MaxQueuedBytes = 64 * 1024;
            o.StalledReaderTimeout = stall;
            o.MaxLinesPerSecond = 1_000_000;
            o.LineBurst = 1_000_000;
        });
        var reader = await chat.ConnectJoinedAsync();
        var stuck = await chat.ConnectAsync(receiveBuffer: 4096);
        var stuckPort = stuck.LocalEndPoint.Port;
        await chat.Events.WaitForAsync<ClientConnected>(e => e.Port == stuckPort);
        var sender = await chat.ConnectJoinedAsync();
        var padding = new string('p', 1000);

        var sending = Task.Run(() => sender.SendAsync(Lines(lines, padding)), TestContext.Current.CancellationToken);
        var longestGap = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var received = 0;
        while (received < lines)
        {
            var line = await reader.ReadLineAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            if (!line.StartsWith("[127.0.0.1] ", StringComparison.Ordinal))
                continue;
            Assert.Equal("[127.0.0.1] " + Text(received, padding), line);
            received++;
            longestGap = clock.Elapsed > longestGap ? clock.Elapsed : longestGap;
            clock.Restart();
        }
        await sending;

        var cut = await chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == stuckPort);
        Assert.Equal(DisconnectReason.TooSlow, cut.Reason);
        // 1.25 × the stall timeout (the rule itself is pinned on a test clock in FlowControlTests), and 2.5 s for a loaded
        // machine's timers and threads. Without the watchdog the reader would wait for ever (its 30 s read timeout).
        Assert.True(longestGap < (stall * 1.25) + TimeSpan.FromSeconds(2.5), $"the reader waited {longestGap.TotalMilliseconds:0} ms");
        var senderPort = sender.LocalEndPoint.Port;
        Assert.True(chat.Engine.GetSessions().Single(s => s.Port == senderPort).Pauses > 0, "the sender was never paused: the stuck queue never filled");
    }

    private static string Text(int i, string padding = "") =>
        i.ToString("D5", CultureInfo.InvariantCulture) + padding + " a line of the class, typed by the student";

    private static byte[] Lines(int count, string padding = "") =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, count).Select(i => Text(i, padding) + "\n")));
}
