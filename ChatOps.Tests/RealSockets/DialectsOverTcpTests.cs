using System.Net.Sockets;
using System.Text;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

/// <summary>Each client gets its replies in the framing and encoding it writes, over real loopback sockets.</summary>
public sealed class DialectsOverTcpTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static async Task<(TcpClient Client, NetworkStream Stream)> RawAsync(TcpChat chat)
    {
        var client = new TcpClient();
        await client.ConnectAsync(chat.EndPoint, TestContext.Current.CancellationToken);
        await chat.Events.WaitForAsync<ClientConnected>(e => e.Port == ((System.Net.IPEndPoint)client.Client.LocalEndPoint!).Port);
        return (client, client.GetStream());
    }

    private static async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(Wait);
        return buffer;
    }

    [Fact]
    public async Task A_telnet_client_gets_CRLF_line_ends()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        var (client, stream) = await RawAsync(chat);
        using var _ = client;
        await stream.WriteAsync((byte[])[255, 251, 31, .. "salut é\r\n"u8], TestContext.Current.CancellationToken);
        Assert.Equal("salut é\r\n"u8.ToArray(), await ReadExactlyAsync(stream, "salut é\r\n"u8.Length));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_UTF16_client_gets_UTF16_of_its_byte_order(bool bigEndian)
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        var (client, stream) = await RawAsync(chat);
        using var _ = client;
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        await stream.WriteAsync(encoding.GetPreamble().Concat(encoding.GetBytes("élève à ç €\r\n")).ToArray(), TestContext.Current.CancellationToken);
        var expected = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes("élève à ç €\n");
        Assert.Equal(expected, await ReadExactlyAsync(stream, expected.Length));
    }

    [Fact]
    public async Task A_writeUTF_client_gets_writeUTF_records()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        var (client, stream) = await RawAsync(chat);
        using var _ = client;
        await stream.WriteAsync((byte[])[0, 12, .. "ça va ? €"u8], TestContext.Current.CancellationToken);
        // readUTF: a 2-byte length, then modified UTF-8 (the same bytes as UTF-8 for these characters), no newline.
        Assert.Equal((byte[])[0, 12, .. "ça va ? €"u8], await ReadExactlyAsync(stream, 14));
    }

    [Fact]
    public async Task A_Windows_1252_client_is_relayed_as_UTF8_and_reads_in_Windows_1252()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var utf8 = await chat.ConnectJoinedAsync();
        var (client, stream) = await RawAsync(chat);
        using var _ = client;
        await utf8.ReadUntilAsync(l => l.EndsWith("joined", StringComparison.Ordinal));
        await stream.WriteAsync((byte[])[.. "caf"u8, 0xE9, (byte)' ', 0x80, (byte)'\n'], TestContext.Current.CancellationToken);
        Assert.Equal("[127.0.0.1] café €", await utf8.ReadUntilAsync(l => l.StartsWith('[')));

        await utf8.SendLineAsync("très bien");
        var expected = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("[127.0.0.1] très bien\n");
        var reply = new List<byte>();
        // The welcome and join notices came before, in UTF-8 (nothing was known yet); read up to the relayed line.
        while (!reply.AsEnumerable().Reverse().Take(expected.Length).Reverse().SequenceEqual(expected))
            reply.Add((await ReadExactlyAsync(stream, 1))[0]);
        Assert.True(chat.Engine.GetSessions().Single(s => s.Port == ((System.Net.IPEndPoint)client.Client.LocalEndPoint!).Port).Traits.HasFlag(ClientTraits.Windows1252));
    }

    [Fact]
    public async Task Messages_without_newline_are_relayed_and_bye_and_arret_without_newline_work()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var a = await chat.ConnectJoinedAsync();
        var b = await chat.ConnectJoinedAsync();
        await a.SendAsync("bonjour é à ç €"u8.ToArray());
        Assert.Equal("[127.0.0.1] bonjour é à ç €", await b.ReadUntilAsync(l => l.StartsWith('[')));
        await a.SendAsync("bye"u8.ToArray());
        Assert.Equal("* goodbye 127.0.0.1", (await a.ReadToEndAsync())[^1]);
        await b.SendAsync("arret"u8.ToArray());
        Assert.StartsWith("* arret", (await b.ReadToEndAsync())[^1], StringComparison.Ordinal);
        await chat.Engine.PendingStop.WaitAsync(Wait, TestContext.Current.CancellationToken);
        Assert.False(chat.Engine.IsRunning);
    }

    [Fact]
    public async Task A_half_closed_client_still_reads_the_others_and_is_gone_at_the_first_line_after_it_closes()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var reader = await chat.ConnectJoinedAsync();
        var other = await chat.ConnectJoinedAsync();
        await reader.SendLineAsync("question");
        reader.ShutdownSend();
        Assert.Equal("[127.0.0.1] question", await other.ReadUntilAsync(l => l.StartsWith('[')));
        var port = reader.LocalEndPoint.Port;
        await Eventually.HoldsAsync(() => chat.Engine.GetSessions().Single(s => s.Port == port).Traits.HasFlag(ClientTraits.HalfClosed), "half-closed");

        await other.SendLineAsync("réponse");
        Assert.Equal("[127.0.0.1] réponse", await reader.ReadUntilAsync(l => l.StartsWith('[')));
        // TCP tells a full close from a half-close only when data reaches the closed socket: the next line does.
        await reader.DisposeAsync();
        await other.SendLineAsync("encore");
        Assert.Equal(DisconnectReason.ClosedByPeer, (await chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port)).Reason);
    }

    [Fact]
    public async Task A_client_that_closes_fully_is_not_kept_as_a_reader()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var stays = await chat.ConnectJoinedAsync();
        var leaves = await chat.ConnectJoinedAsync();
        var port = leaves.LocalEndPoint.Port;
        await leaves.SendLineAsync("au revoir");
        await leaves.DisposeAsync();
        // Nobody writes after it: the engine's notice to the half-closed side draws the reset that shows it is gone.
        Assert.Equal(DisconnectReason.ClosedByPeer, (await chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port)).Reason);
        Assert.Equal("* 127.0.0.1 left", await stays.ReadUntilAsync(l => l.EndsWith("left", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_program_that_reconnects_in_a_loop_costs_the_others_one_summary()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay, o => o.AnnouncementsPerAddressPerMinute = 3);
        var watcher = await chat.ConnectJoinedAsync();
        for (var i = 0; i < 10; i++)
        {
            var looping = await chat.ConnectJoinedAsync();
            var port = looping.LocalEndPoint.Port;
            await looping.SendLineAsync("bye");
            await looping.ReadToEndAsync();
            await chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port);
        }
        chat.Engine.Broadcast("marker");
        var seen = await watcher.ReadThroughAsync(l => l == "[server] marker");
        // The watcher's own join counted as the address's first announcement.
        Assert.Equal(["* 127.0.0.1 joined", "* 127.0.0.1 left", "* 127.0.0.1 keeps reconnecting: its joins and leaves are not announced for a minute", "[server] marker"], seen.Skip(1));
    }
}
