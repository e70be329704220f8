using System.Globalization;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

/// <summary>
/// The write loop sends a client's whole backlog with gathered sends of at most 512 buffers each (the kernel takes 1,024
/// per sendmsg): a backlog of thousands of queued lines goes out whole and in order through a real socket.
/// </summary>
[Collection(nameof(HeavySockets))]
public sealed class GatheredSendOverTcpTests
{
    [Fact]
    public async Task Thousands_of_lines_queued_while_a_client_does_not_read_arrive_whole_and_in_order_once_it_reads()
    {
        const int lines = 3000;
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o =>
        {
            // Far above the 9 MB queued here: this test is about sending a backlog, not about flow control.
            o.MaxQueuedBytes = 64 * 1024 * 1024;
            o.MaxLineBytes = 64 * 1024;
        });
        var client = await chat.ConnectAsync(receiveBuffer: 4096);
        var port = client.LocalEndPoint.Port;
        await chat.Events.WaitForAsync<ClientConnected>(e => e.Port == port);
        await client.ReadLineAsync(); // The welcome.

        // Fill the kernel's buffers toward the client (at most 4 MiB by Linux's default tcp_wmem, its receive buffer is
        // 4 KB) with 9 MB: what follows waits in the queue, one entry per line, and goes out in one batch of thousands.
        var fill = new string('f', 60 * 1024);
        for (var i = 0; i < 150; i++)
            chat.Engine.Broadcast(fill);
        for (var i = 0; i < lines; i++)
            chat.Engine.Broadcast("line " + i.ToString(CultureInfo.InvariantCulture));
        Assert.True(Session(chat, port).QueuedBytes >= lines * 15, "the lines did not all wait in the queue");

        var read = await client.ReadThroughAsync(l => l == $"[server] line {lines - 1}", TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, lines).Select(i => $"[server] line {i}"), read.Where(l => l.StartsWith("[server] line", StringComparison.Ordinal)));
        Assert.DoesNotContain(chat.Events.Drain().OfType<ClientDisconnected>(), e => e.Port == port);
    }

    private static TcpEngine.Sessions.SessionSnapshot Session(TcpChat chat, int port) => chat.Engine.GetSessions().Single(s => s.Port == port);
}
