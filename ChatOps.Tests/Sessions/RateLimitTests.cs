using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.Sessions;

/// <summary>The clock is fake: the bucket refills only when the test moves time on.</summary>
public sealed class RateLimitTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private Task<MemoryChat> StartAsync(int floodAfter = 1000) => MemoryChat.StartAsync(ChatMode.Echo, o =>
    {
        o.MaxLinesPerSecond = 2;
        o.LineBurst = 5;
        o.FloodDisconnectAfter = floodAfter;
    }, _time);

    [Fact]
    public async Task A_burst_passes_then_the_client_is_told_once_and_extra_lines_are_dropped()
    {
        await using var chat = await StartAsync();
        var client = chat.Connect();
        await client.SendAsync("1\n2\n3\n4\n5\n6\n7\n8\n"u8.ToArray());
        await client.SendLineAsync("9");
        for (var i = 1; i <= 5; i++)
            Assert.Equal($"{i}", await client.ReadLineAsync());
        Assert.Equal("* slow down: more than 2 lines per second, extra lines are dropped", await client.ReadLineAsync());
        // Only once 6 to 9 are dropped may the clock move: "9" is a write of its own, which the engine may not have read
        // yet when the notice arrives (then a second later it would pass: the flake of 1 run in 3 on a busy machine).
        await Eventually.HoldsAsync(() => chat.Engine.GetSessions().Single().LinesDropped == 4, "6 to 9 dropped");

        _time.Advance(TimeSpan.FromSeconds(1));
        await client.SendLineAsync("after a second");
        // 6 to 9 were dropped without a notice each: the next line out is the one sent after the pause.
        Assert.Equal("after a second", await client.ReadLineAsync());
        var violations = chat.Events.Drain().OfType<ProtocolViolation>().Count(v => v.Kind == ViolationKind.RateLimited);
        Assert.Equal(1, violations);
    }

    [Fact]
    public async Task Lines_at_the_allowed_rate_all_pass()
    {
        await using var chat = await StartAsync();
        var client = chat.Connect();
        for (var i = 0; i < 30; i++)
        {
            await client.SendLineAsync($"line {i}");
            Assert.Equal($"line {i}", await client.ReadLineAsync());
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }
    }

    [Fact]
    public async Task A_client_that_keeps_flooding_is_disconnected_with_a_notice()
    {
        await using var chat = await StartAsync(floodAfter: 20);
        var client = chat.Connect();
        var flood = string.Concat(Enumerable.Range(0, 100).Select(i => $"flood {i}\n"));
        await client.SendAsync(System.Text.Encoding.UTF8.GetBytes(flood));
        var lines = await client.ReadToEndAsync();
        Assert.Equal("* disconnected: too many lines, too fast", lines[^1]);
        Assert.Equal(5, lines.Count(l => l.StartsWith("flood", StringComparison.Ordinal)));
        var gone = await chat.Events.WaitForAsync<ClientDisconnected>(e => e.SessionId == client.Id);
        Assert.Equal(DisconnectReason.Flood, gone.Reason);
    }

    [Fact]
    public async Task Bye_gets_through_while_the_client_is_limited()
    {
        await using var chat = await StartAsync();
        var client = chat.Connect("10.0.0.7");
        await client.SendAsync("1\n2\n3\n4\n5\n6\n7\nbye\n"u8.ToArray());
        var lines = await client.ReadToEndAsync();
        Assert.Equal("* goodbye 10.0.0.7", lines[^1]);
    }
}
