using System.Text;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.RealSockets.Hostile;

/// <summary>What a buggy or mischievous program can send: the engine stays up, the others keep talking, memory stays bounded.</summary>
[Collection(nameof(HeavySockets))]
public sealed class HostileBytesTests
{
    private static bool FromPeer(string line) => line.StartsWith("[127.0.0.1] ", StringComparison.Ordinal);

    [Fact]
    public async Task Megabytes_without_a_newline_cost_a_bounded_buffer_and_get_one_notice()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        var memory = new MemoryProbe();

        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'a');
        for (var i = 0; i < 32; i++)
        {
            await offender.SendAsync(chunk);
            if (i % 8 == 0)
                await room.AssertOthersStillTalkAsync();
        }
        // Newcomers' joins reach the offender too; the notice is among them, once.
        const string tooLong = "* message dropped: more than 4096 bytes without a line end or a pause";
        Assert.Equal(tooLong, await offender.ReadUntilAsync(l => l.StartsWith("* message", StringComparison.Ordinal)));
        var session = room.Chat.Engine.GetSessions().Single(s => s.Port == offender.LocalEndPoint.Port);
        Assert.InRange(session.UnfinishedBytes, 0, 4097);

        await offender.SendAsync("\nafter\n"u8.ToArray());
        var seen = await room.B.ReadThroughAsync(l => l.EndsWith("after", StringComparison.Ordinal));
        Assert.Equal("[127.0.0.1] after", seen[^1]);
        Assert.DoesNotContain(seen, l => l.Length > 4096);
        await offender.SendLineAsync("bye");
        Assert.DoesNotContain(tooLong, await offender.ReadToEndAsync());
        memory.AssertGrewLessThan(16, "32 MiB without a newline");
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task NUL_and_control_bytes_are_removed_before_relaying()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        // Every C0 control but the ones that frame or edit a line (NUL, \n, \r, backspace, Ctrl+U; see DecoderTests).
        var controls = Enumerable.Range(1, 31).Where(b => b is not ('\n' or '\r' or '\b' or 0x15)).Select(b => (byte)b);
        await offender.SendAsync((byte[])[.. controls, .. "visible"u8.ToArray(), 7, 0xC2, 0x9B, (byte)'\n']);
        Assert.Equal("[127.0.0.1] \tvisible", await room.B.ReadUntilAsync(FromPeer));
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task A_NUL_ends_the_message_and_the_rest_of_the_buffer_is_never_relayed()
    {
        await using var room = await HostileRoom.StartAsync();
        var padded = await room.OffenderAsync();
        await padded.SendAsync((byte[])[.. "salut"u8, .. new byte[251]]);
        Assert.Equal("[127.0.0.1] salut", await room.B.ReadUntilAsync(FromPeer));

        // A C program that reuses its buffer: "bye", its NUL, then what a longer earlier message left there.
        var reused = await room.OffenderAsync();
        var buffer = new byte[256];
        "bye\0our \u00e9 \u00e0 leftovers\n"u8.ToArray().CopyTo(buffer, 0);
        await reused.SendAsync(buffer);
        Assert.Equal("* goodbye 127.0.0.1", (await reused.ReadToEndAsync())[^1]);
        var seen = await room.B.ReadThroughAsync(l => l == "* 127.0.0.1 left");
        Assert.DoesNotContain(seen, l => l.Contains("leftovers", StringComparison.Ordinal));
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task Invalid_UTF8_and_random_garbage_reach_the_others_as_clean_valid_text()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        // Not UTF-8 but Windows-1252 (every byte defined there): decoded as such. With 0x81, undefined in 1252: U+FFFD.
        await offender.SendAsync((byte[])[.. "caf"u8.ToArray(), 0xC3, 0x28, 0xFE, (byte)'\n']);
        Assert.Equal("[127.0.0.1] caf\u00C3(\u00FE", await room.B.ReadUntilAsync(FromPeer));
        await offender.SendAsync((byte[])[.. "caf"u8.ToArray(), 0xC3, 0x28, 0x81, (byte)'\n']);
        Assert.Equal("[127.0.0.1] caf\uFFFD(\uFFFD", await room.B.ReadUntilAsync(FromPeer));

        // Random bytes, without the ones that frame a line (\n, \r, NUL), start a telnet command (0xFF) or edit the line
        // (backspace, DEL, Ctrl+U; see DecoderTests): each is one
        // line, whose escape sequences and controls are removed; what arrives is valid UTF-8 with no control character.
        var random = new Random(42);
        for (var i = 0; i < 30; i++)
        {
            var garbage = new byte[200];
            random.NextBytes(garbage);
            await offender.SendAsync((byte[])[.. garbage.Select(b => b is (byte)'\n' or (byte)'\r' or 0 or 0xFF or 0x08 or 0x15 or 0x7F ? (byte)'?' : b), (byte)'\n']);
        }
        await offender.SendLineAsync("done");
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var relayed = new List<string>();
        while (relayed.LastOrDefault() != "[127.0.0.1] done")
        {
            var bytes = await room.B.ReadLineBytesAsync() ?? throw new EndOfStreamException();
            var text = strict.GetString(bytes);
            if (FromPeer(text))
                relayed.Add(text);
        }
        Assert.Equal(31, relayed.Count);
        Assert.Contains(relayed, l => l.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.All(relayed, l => Assert.DoesNotContain(l, c => char.IsControl(c) && c != '\t'));
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task A_telnet_IAC_storm_is_stripped_and_never_relayed()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        var line = new List<byte>();
        for (var i = 0; i < 100; i++)
            line.AddRange([255, (byte)(251 + (i % 4)), (byte)i]);
        line.AddRange([255, 250, 24, 0, .. "xterm"u8.ToArray(), 255, 240, (byte)'\r', (byte)'\n']);
        // 30 lines, under the burst allowance: blank lines count toward the rate limit like any line (see the next test).
        var storm = Enumerable.Repeat(line, 30).SelectMany(l => l).ToArray();
        await offender.SendAsync(storm);
        await offender.SendLineAsync("after the storm");

        var seen = await room.B.ReadThroughAsync(l => l.EndsWith("after the storm", StringComparison.Ordinal));
        Assert.Equal(["[127.0.0.1] after the storm"], seen.Where(FromPeer));
        Assert.True(room.Chat.Engine.GetSessions().Single(s => s.Port == offender.LocalEndPoint.Port).Traits.HasFlag(ClientTraits.Telnet));
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task ANSI_escapes_cannot_clear_or_recolour_the_others_terminals()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        await offender.SendLineAsync("\u001b[2J\u001b[H\u001b[5;31mrouge\u001b[0m\u001b]0;pwned\u0007\u001b[?25l");
        Assert.Equal("[127.0.0.1] rouge", await room.B.ReadUntilAsync(FromPeer));
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task Ten_thousand_empty_lines_count_as_a_flood_and_cut_their_sender_while_the_others_talk()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        var empties = string.Concat(Enumerable.Range(0, 10_000).Select(i => (i % 4) switch { 0 => "\n", 1 => "\r\n", 2 => "   \n", _ => "\t\r\n" }));
        await offender.SendAsync(Encoding.ASCII.GetBytes(empties));

        var lines = await offender.ReadToEndAsync();
        Assert.Equal("* disconnected: too many lines, too fast", lines[^1]);
        var port = offender.LocalEndPoint.Port;
        Assert.Equal(DisconnectReason.Flood, (await room.Chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port)).Reason);
        var seen = await room.B.ReadThroughAsync(l => l == "* 127.0.0.1 left");
        Assert.DoesNotContain(seen, FromPeer);
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task A_flood_above_the_rate_limit_is_told_then_disconnected_while_the_others_talk()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        var flood = string.Concat(Enumerable.Range(0, 2000).Select(i => $"flood {i}\n"));
        await offender.SendAsync(Encoding.ASCII.GetBytes(flood));

        var lines = await offender.ReadToEndAsync();
        Assert.Equal("* slow down: more than 20 lines per second, extra lines are dropped", lines[0]);
        Assert.Equal("* disconnected: too many lines, too fast", lines[^1]);
        var port = offender.LocalEndPoint.Port;
        Assert.Equal(DisconnectReason.Flood, (await room.Chat.Events.WaitForAsync<ClientDisconnected>(e => e.Port == port)).Reason);
        var relayed = (await room.B.ReadThroughAsync(l => l == "* 127.0.0.1 left")).Count(FromPeer);
        Assert.InRange(relayed, 40, 200);
        await room.AssertOthersStillTalkAsync();
    }
}
