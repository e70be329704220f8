using Bunit;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Dashboard;

namespace ChatOps.Tests.Web;

public sealed class MessageMirrorTests : DashboardTest
{
    private const int Capacity = 10;
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    protected override void Configure(DashboardOptions dashboard, ChatOptions chat) => dashboard.MirrorCapacity = Capacity;

    private static IEnumerable<string> Texts(IRenderedComponent<MessageMirror> mirror) =>
        mirror.FindAll("#mirror-lines .mirror-line .text").Select(e => e.TextContent);

    [Fact]
    public async Task Keeps_only_the_last_lines_up_to_its_capacity()
    {
        var mirror = Render<MessageMirror>();
        await using var client = await ConnectAsync();
        for (var i = 1; i <= 15; i++)
            await client.SendLineAsync($"line {i:00}");

        mirror.WaitForAssertion(() => Assert.Equal("line 15", Texts(mirror).LastOrDefault()), Timeout);
        Assert.Equal(Enumerable.Range(6, Capacity).Select(i => $"line {i:00}"), Texts(mirror));
    }

    [Fact]
    public async Task Shows_time_sender_kind_and_text_of_each_line()
    {
        var mirror = Render<MessageMirror>();
        await using var client = await ConnectAsync();
        await client.SendLineAsync("bonjour");

        mirror.WaitForAssertion(() =>
        {
            var line = mirror.FindAll(".mirror-line")[^1];
            Assert.Equal("127.0.0.1", line.QuerySelector(".who")!.TextContent);
            Assert.Equal("chat", line.QuerySelector(".kind")!.TextContent);
            Assert.Equal("bonjour", line.QuerySelector(".text")!.TextContent);
            Assert.Matches(@"^\d\d:\d\d:\d\d$", line.QuerySelector(".time")!.TextContent);
        }, Timeout);
    }

    [Fact]
    public async Task The_filter_keeps_matching_lines_only()
    {
        var mirror = Render<MessageMirror>();
        await using var client = await ConnectAsync();
        await client.SendLineAsync("apple pie");
        await client.SendLineAsync("banana split");
        mirror.WaitForAssertion(() => Assert.Contains("banana split", Texts(mirror)), Timeout);

        await mirror.InputAsync("#message-mirror input", "APPLE");

        mirror.WaitForAssertion(() => Assert.Equal(["apple pie"], Texts(mirror)), Timeout);
    }

    [Fact]
    public async Task Renders_a_students_markup_as_plain_text()
    {
        var mirror = Render<MessageMirror>();
        await using var client = await ConnectAsync();
        const string Hostile = "<b>bold</b><img src=x onerror=alert(1)><script>alert(2)</script>";
        await client.SendLineAsync(Hostile);

        mirror.WaitForAssertion(() => Assert.Contains(Hostile, Texts(mirror)), Timeout);
        Assert.Empty(mirror.FindAll("#mirror-lines b, #mirror-lines img, #mirror-lines script"));
    }

    [Fact]
    public async Task Pause_freezes_the_list_and_resume_catches_up()
    {
        var mirror = Render<MessageMirror>();
        await using var client = await ConnectAsync();
        await client.SendLineAsync("before");
        mirror.WaitForAssertion(() => Assert.Contains("before", Texts(mirror)), Timeout);

        await mirror.ClickAsync("#mirror-pause");
        await client.SendLineAsync("while paused");
        mirror.WaitForAssertion(() => Assert.Contains("1 new line", mirror.Find("#mirror-paused").TextContent, StringComparison.Ordinal), Timeout);
        Assert.DoesNotContain("while paused", Texts(mirror));

        await mirror.ClickAsync("#mirror-pause");
        Assert.Equal("while paused", Texts(mirror).Last());
    }
}
