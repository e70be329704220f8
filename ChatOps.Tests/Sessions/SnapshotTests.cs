using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Sessions;

public sealed class SnapshotTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static SessionSnapshot Of(MemoryChat chat, MemoryClient client) => chat.Engine.GetSessions().Single(s => s.Id == client.Id);

    [Fact]
    public async Task A_snapshot_says_who_and_counts_lines_and_bytes_both_ways()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo, time: _time);
        var client = chat.Connect("10.1.2.3", 51515);
        _time.Advance(TimeSpan.FromMinutes(1));
        await client.SendLineAsync("hello");
        await client.ReadLineAsync();
        var s = Of(chat, client);
        Assert.Equal(("10.1.2.3", 51515, _time.Start), (s.Ip, s.Port, s.ConnectedAt));
        Assert.Equal((1L, 1L, 6L, 6L), (s.LinesIn, s.LinesOut, s.BytesIn, s.BytesOut));
        Assert.Equal(_time.GetUtcNow(), s.LastActivity);
    }

    [Theory]
    [InlineData("a\n", ClientTraits.LineFeed)]
    [InlineData("a\r\n", ClientTraits.CrLf)]
    [InlineData("a\r", ClientTraits.BareCr)]
    [InlineData("a\r\r\n", ClientTraits.CrCrLf)]
    [InlineData("a\nb\r\n", ClientTraits.LineFeed | ClientTraits.CrLf)]
    public async Task The_line_ending_the_client_sends_is_seen(string sent, ClientTraits seen)
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var client = chat.Connect();
        Assert.Equal(ClientTraits.None, Of(chat, client).Traits);
        // "done" ends with the same line end as the line before it, so nothing else is seen.
        var end = sent[^1] == '\r' ? "\r" : sent.EndsWith("\r\r\n", StringComparison.Ordinal) ? "\r\r\n" : sent.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        await client.SendAsync(System.Text.Encoding.ASCII.GetBytes(sent + "done" + end));
        await client.ReadUntilAsync(l => l == "done");
        Assert.Equal(seen, Of(chat, client).Traits);
    }

    [Fact]
    public async Task Windows_1252_invalid_bytes_telnet_and_control_characters_are_each_seen()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo);
        var clean = chat.Connect();
        var dirty = chat.Connect();
        await clean.SendLineAsync("propre");
        await dirty.SendAsync([0xFF, 0xFB, 0x01, (byte)'a', 0x81, 0x07, (byte)'\r', (byte)'\n']);
        await clean.ReadLineAsync();
        // A telnet client's replies end with \r\n: the reader strips the \n only.
        Assert.Equal("a\uFFFD\r", await dirty.ReadLineAsync());
        await dirty.SendAsync([(byte)'\xe9', (byte)'\r', (byte)'\n']);
        // Then it is seen to write Windows-1252, and is answered in it.
        Assert.Equal([0xE9, (byte)'\r'], await dirty.ReadLineBytesAsync());
        var d = Of(chat, dirty).Traits;
        Assert.Equal(ClientTraits.Telnet | ClientTraits.CrLf | ClientTraits.InvalidUtf8 | ClientTraits.ControlCharacters | ClientTraits.Windows1252, d);
        Assert.Equal(ClientTraits.LineFeed, Of(chat, clean).Traits);
    }

    [Fact]
    public async Task An_unfinished_line_shows_its_bytes_and_since_when_until_its_newline()
    {
        // Strict lines: with automatic framing a pause would make the bytes a message (see DecoderTests).
        await using var chat = await MemoryChat.StartAsync(ChatMode.Echo, o => o.Framing = FramingMode.Lines, _time);
        var client = chat.Connect();
        _time.Advance(TimeSpan.FromSeconds(5));
        var since = _time.GetUtcNow();
        await client.SendAsync("forgot println"u8.ToArray());
        await Eventually.HoldsAsync(() => Of(chat, client).UnfinishedBytes == 14, "14 unfinished bytes");
        _time.Advance(TimeSpan.FromSeconds(30));
        await client.SendAsync(" again"u8.ToArray());
        await Eventually.HoldsAsync(() => Of(chat, client).UnfinishedBytes == 20, "20 unfinished bytes");
        Assert.Equal(since, Of(chat, client).UnfinishedSince);

        await client.SendAsync("\n"u8.ToArray());
        Assert.Equal("forgot println again", await client.ReadLineAsync());
        var s = Of(chat, client);
        Assert.Equal((0, (DateTimeOffset?)null), (s.UnfinishedBytes, s.UnfinishedSince));
    }

    [Fact]
    public async Task In_relay_mode_serving_does_not_apply()
    {
        await using var chat = await MemoryChat.StartAsync(ChatMode.Relay);
        chat.Connect();
        Assert.Equal(ServingState.NotApplicable, chat.Engine.GetSessions().Single().Serving);
    }
}
