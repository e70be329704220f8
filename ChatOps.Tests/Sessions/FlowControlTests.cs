using System.Globalization;
using System.Text;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Sessions;

/// <summary>
/// The flow-control rules on a clock the test moves (docs/protocol.md, "Flow control"): a full queue pauses the senders
/// of its lines; its client is cut only once it has drained nothing for <c>Chat:StalledReaderTimeout</c>.
/// </summary>
public sealed class FlowControlTests
{
    private const int Lines = 200;
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_full_queue_pauses_its_senders_and_a_reader_that_drains_nothing_is_cut_once_the_stall_timeout_has_passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var chat = await StartAsync(time);
        var (reader, stuck, sender) = await ConnectAsync(chat);

        await sender.SendAsync(Flood());
        await Eventually.HoldsAsync(() => Session(chat, sender).PausedFor == stuck.Ip, "the sender paused for the stuck client");
        Assert.True(Session(chat, stuck).QueuedBytes >= 4096);

        time.Advance(Stall * 0.75);
        Assert.False(stuck.Connection.IsAborted);
        Assert.Equal(stuck.Ip, Session(chat, sender).PausedFor);

        time.Advance(Stall * 0.25);
        var cut = await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == stuck.Id);
        Assert.Equal(DisconnectReason.TooSlow, cut.Reason);
        Assert.Equal(Expected(), await ReadRelayedAsync(reader));
        Assert.Null(Session(chat, sender).PausedFor);
        Assert.True(Session(chat, sender).Pauses >= 1);
    }

    [Fact]
    public async Task A_reader_slower_than_its_senders_is_never_cut_and_gets_every_line()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var chat = await StartAsync(time);
        var (reader, slow, sender) = await ConnectAsync(chat);

        await sender.SendAsync(Flood());
        await Eventually.HoldsAsync(() => Session(chat, sender).PausedFor == slow.Ip, "the sender paused for the slow client");

        // Three stall timeouts, reading 30 lines (3 KB) each half timeout: a slow reader, not a stopped one. The server
        // sees progress each time a 4 KiB piece is taken (ChatConnection.BackloggedPieceBytes).
        var read = new List<string>();
        for (var step = 0; step < 6; step++)
        {
            for (var i = 0; i < 30; i++)
                read.Add((await slow.ReadLineAsync())!);
            time.Advance(Stall / 2);
        }
        Assert.False(slow.Connection.IsAborted);

        while (read.Count(l => l.StartsWith('[')) < Lines)
            read.Add((await slow.ReadLineAsync())!);
        Assert.Equal(Expected(), read.Where(l => l.StartsWith('[')));
        Assert.Equal(Expected(), await ReadRelayedAsync(reader));
        Assert.DoesNotContain(chat.Events.Drain().OfType<ClientDisconnected>(), e => e.SessionId == slow.Id);
    }

    private static Task<MemoryChat> StartAsync(FakeTimeProvider time) => MemoryChat.StartAsync(ChatMode.Relay, o =>
    {
        o.MaxQueuedBytes = 4096;
        o.StalledReaderTimeout = Stall;
        // The sender stands for a class: its own limit is not what is tested.
        o.MaxLinesPerSecond = 1_000_000;
        o.LineBurst = 1_000_000;
        // Joins and leaves would take the queue's room before the flood: none here.
        o.AnnounceJoinsUpTo = 0;
    }, time);

    // The reader, then a client with a 512-byte buffer that the test reads only when it says so, then the sender.
    private static async Task<(MemoryClient Reader, MemoryClient Target, MemoryClient Sender)> ConnectAsync(MemoryChat chat)
    {
        var reader = chat.Connect();
        await reader.ReadLineAsync();
        var target = chat.Connect(clientBufferBytes: 512);
        var sender = chat.Connect();
        await sender.ReadLineAsync();
        await target.ReadLineAsync(); // The welcome: then nothing until the test says so.
        return (reader, target, sender);
    }

    private static SessionSnapshot Session(MemoryChat chat, MemoryClient client) => chat.Engine.GetSessions().Single(s => s.Id == client.Id);

    private static string Text(int i) => i.ToString("D3", CultureInfo.InvariantCulture) + " " + new string('f', 90);

    private static byte[] Flood() => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, Lines).Select(i => Text(i) + "\n")));

    private static IEnumerable<string> Expected() => Enumerable.Range(0, Lines).Select(i => "[10.0.0.3] " + Text(i));

    private static async Task<List<string>> ReadRelayedAsync(MemoryClient reader)
    {
        var lines = new List<string>();
        while (lines.Count < Lines)
        {
            var line = await reader.ReadLineAsync();
            Assert.NotNull(line);
            if (line.StartsWith('['))
                lines.Add(line);
        }
        return lines;
    }
}
