using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

[Collection(nameof(HeavySockets))]
public sealed class SlowReaderOverTcpTests
{
    private const int Limit = 64 * 1024;

    [Fact]
    public async Task A_client_that_never_reads_does_not_delay_the_operators_lines_and_is_cut_once_its_full_queue_stalls()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o =>
        {
            o.MaxQueuedBytes = Limit;
            o.StalledReaderTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxLineBytes = 64 * 1024;
        });
        var reader = await chat.ConnectJoinedAsync();
        var stuck = await chat.ConnectAsync(receiveBuffer: 4096);
        var stuckPort = stuck.LocalEndPoint.Port;
        await chat.Events.WaitForAsync<ClientConnected>(e => e.Port == stuckPort);

        // 32 KB lines: the kernel's buffers toward the stuck client fill after a few MB, then its queue, which stays full
        // and drains nothing: the watchdog cuts it StalledReaderTimeout later. The operator is not a client that can be
        // paused: its lines reach the reader at once all along.
        var text = new string('m', 32 * 1024);
        ClientDisconnected? cut = null;
        for (var sent = 0; cut is null && sent < 1000; sent++)
        {
            chat.Engine.Broadcast($"{sent} {text}");
            Assert.Equal($"[server] {sent} {text}", await reader.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)));
            cut = chat.Events.Drain().OfType<ClientDisconnected>().FirstOrDefault(e => e.Port == stuckPort);
        }

        Assert.NotNull(cut);
        Assert.Equal(DisconnectReason.TooSlow, cut.Reason);
        chat.Engine.Broadcast("after");
        Assert.Equal("[server] after", await reader.ReadUntilAsync(l => l.StartsWith("[server]", StringComparison.Ordinal)));
        Assert.Equal(1, chat.Engine.ClientCount);
    }
}
