using System.Text;
using ChatOps.TcpEngine.Events;
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
        const string tooLong = "* line dropped: longer than 4096 bytes";
        Assert.Equal(tooLong, await offender.ReadUntilAsync(l => l.StartsWith("* line", StringComparison.Ordinal)));
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
        var controls = Enumerable.Range(0, 32).Where(b => b != '\n').Select(b => (byte)b);
        await offender.SendAsync((byte[])[.. controls, .. "visible"u8.ToArray(), 0x7F, 0, 7, (byte)'\n']);
        Assert.Equal("[127.0.0.1] \tvisible", await room.B.ReadUntilAsync(FromPeer));
        await room.AssertOthersStillTalkAsync();
    }

    [Fact]
    public async Task Invalid_UTF8_and_random_garbage_reach_the_others_as_clean_valid_text()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        await offender.SendAsync((byte[])[.. "caf"u8.ToArray(), 0xC3, 0x28, 0xFE, (byte)'\n']);
        Assert.Equal("[127.0.0.1] caf\uFFFD(\uFFFD", await room.B.ReadUntilAsync(FromPeer));

        // Random bytes hold escape sequences and telnet commands that may swallow the rest of their line: the check is
        // on what does arrive — valid UTF-8 with no control character — up to a clean marker line.
        var random = new Random(42);
        for (var i = 0; i < 30; i++)
        {
            var garbage = new byte[200];
            random.NextBytes(garbage);
            await offender.SendAsync((byte[])[.. garbage.Select(b => b == '\n' ? (byte)'?' : b), (byte)'\n']);
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
        Assert.InRange(relayed.Count, 10, 31);
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
        var storm = Enumerable.Repeat(line, 3000).SelectMany(l => l).ToArray();
        await offender.SendAsync(storm);
        await offender.SendLineAsync("after the storm");

        var seen = await room.B.ReadThroughAsync(l => l.EndsWith("after the storm", StringComparison.Ordinal));
        Assert.Equal(["[127.0.0.1] after the storm"], seen.Where(FromPeer));
        Assert.True(room.Chat.Engine.GetSessions().Single(s => s.Port == offender.LocalEndPoint.Port).TelnetSeen);
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
    public async Task Ten_thousand_empty_lines_are_ignored_without_counting_as_a_flood()
    {
        await using var room = await HostileRoom.StartAsync();
        var offender = await room.OffenderAsync();
        var empties = string.Concat(Enumerable.Range(0, 10_000).Select(i => (i % 4) switch { 0 => "\n", 1 => "\r\n", 2 => "   \n", _ => "\t\r\n" }));
        await offender.SendAsync(Encoding.ASCII.GetBytes(empties));
        await offender.SendLineAsync("still allowed");

        var seen = await room.B.ReadThroughAsync(l => l.EndsWith("still allowed", StringComparison.Ordinal));
        Assert.Equal(["[127.0.0.1] still allowed"], seen.Where(FromPeer));
        Assert.Equal(1, room.Chat.Engine.GetSessions().Single(s => s.Port == offender.LocalEndPoint.Port).LinesIn);
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
