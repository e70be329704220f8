using System.Text;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets;

public sealed class TcpFramingTests
{
    [Fact]
    public async Task A_line_split_across_segments_comes_out_whole()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        var client = await chat.ConnectJoinedAsync();
        await client.SendAsync("Bonj"u8.ToArray());
        // Wait until the engine holds the first piece, so the rest surely arrives in another read.
        await Eventually.HoldsAsync(() => chat.Engine.GetSessions().Single().UnfinishedBytes == 4, "first piece received");
        await client.SendAsync("our\n"u8.ToArray());
        Assert.Equal("Bonjour", await client.ReadLineAsync());
    }

    [Fact]
    public async Task Lines_sent_byte_by_byte_come_out_whole()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        var client = await chat.ConnectJoinedAsync();
        foreach (var b in "un\r\ndeux\n"u8.ToArray())
            await client.SendAsync(new[] { b });
        Assert.Equal("un", await client.ReadLineAsync());
        Assert.Equal("deux", await client.ReadLineAsync());
    }

    [Fact]
    public async Task Several_lines_in_one_segment_each_come_out()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Echo);
        var client = await chat.ConnectJoinedAsync();
        await client.SendAsync("a\nb\r\nc\n"u8.ToArray());
        Assert.Equal("a", await client.ReadLineAsync());
        Assert.Equal("b", await client.ReadLineAsync());
        Assert.Equal("c", await client.ReadLineAsync());
    }

    [Fact]
    public async Task Telnet_negotiation_is_stripped_and_never_relayed()
    {
        await using var chat = await TcpChat.StartAsync(ChatMode.Relay);
        var telnet = await chat.ConnectJoinedAsync();
        var other = await chat.ConnectJoinedAsync();
        // What a telnet client sends on connect (no newline), then a typed line ending in CRLF.
        await telnet.SendAsync(new byte[] { 255, 253, 1, 255, 253, 3, 255, 251, 24, 255, 250, 31, 0, 80, 0, 24, 255, 240 });
        await telnet.SendAsync("bonjour\r\n"u8.ToArray());
        var line = await other.ReadUntilAsync(l => l.StartsWith('['));
        Assert.Equal("[127.0.0.1] bonjour", line);
        Assert.True(chat.Engine.GetSessions().Single(s => s.Port == telnet.LocalEndPoint.Port).Traits.HasFlag(ClientTraits.Telnet));
    }

    [Theory]
    [InlineData(ChatMode.Echo)]
    [InlineData(ChatMode.Relay)]
    public async Task UTF8_text_makes_the_round_trip_byte_for_byte(ChatMode mode)
    {
        await using var chat = await TcpChat.StartAsync(mode);
        var sender = await chat.ConnectJoinedAsync();
        var receiver = mode == ChatMode.Echo ? sender : await chat.ConnectJoinedAsync();
        // No zero-width joiner: it is one of the invisible characters removed (see TextSanitizerTests).
        const string text = "Élève: ça marche ! 😀 👍🏽 中文 €";
        await sender.SendLineAsync(text);
        var expected = Encoding.UTF8.GetBytes(mode == ChatMode.Echo ? text : "[127.0.0.1] " + text);
        byte[]? got;
        do
            got = await receiver.ReadLineBytesAsync();
        while (got is [(byte)'*', ..]);
        Assert.Equal(expected, got);
    }
}
