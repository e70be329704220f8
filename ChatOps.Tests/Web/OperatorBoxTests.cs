using Bunit;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Dashboard;

namespace ChatOps.Tests.Web;

public sealed class OperatorBoxTests : DashboardTest
{
    private static bool IsChat(string line) => !line.StartsWith("* ", StringComparison.Ordinal);

    internal static async Task SendAsync(IRenderedComponent<OperatorBox> box, string text)
    {
        await box.InputAsync("#operator-box input[type=text]", text);
        // The text field hands its value over asynchronously: click once the box has it, as a user's click would.
        box.WaitForAssertion(() => Assert.Equal(text, box.Instance.Text), LineReader.DefaultTimeout);
        await box.ClickAsync("#operator-send");
    }

    [Fact]
    public async Task Sends_to_everyone_by_default()
    {
        var box = Render<OperatorBox>();
        await using var a = await ConnectAsync();
        await using var b = await ConnectAsync();

        await SendAsync(box, "hello class");

        Assert.Equal("[server] hello class", await a.ReadUntilAsync(IsChat));
        Assert.Equal("[server] hello class", await b.ReadUntilAsync(IsChat));
        box.WaitForAssertion(() => Assert.Equal("sent to everyone", box.Find("#operator-feedback").TextContent), LineReader.DefaultTimeout);
    }

    [Fact]
    public async Task Sends_to_the_selected_client_only()
    {
        await using var other = await ConnectAsync();
        await using var selected = await ConnectAsync();
        var box = Render<OperatorBox>(p => p.Add(b => b.SelectedId, SessionIdOf(selected)).Add(b => b.Target, OperatorTarget.Selected));

        await SendAsync(box, "just for you");
        Assert.Equal("[server] just for you", await selected.ReadUntilAsync(IsChat));

        // Lines to one client keep their order: if the private line had reached the other client, it would come first.
        Engine.Broadcast("for everyone");
        Assert.Equal("[server] for everyone", await other.ReadUntilAsync(IsChat));
    }

    [Fact]
    public async Task Says_so_when_no_client_is_selected()
    {
        var box = Render<OperatorBox>(p => p.Add(b => b.Target, OperatorTarget.Selected));

        await SendAsync(box, "to nobody");

        box.WaitForAssertion(() => Assert.Equal("select a client in the table first", box.Find("#operator-feedback").TextContent), LineReader.DefaultTimeout);
    }
}

public sealed class OperatorBoxSyncModeTests : DashboardTest
{
    private static Task SendAsync(IRenderedComponent<OperatorBox> box, string text) => OperatorBoxTests.SendAsync(box, text);

    protected override void Configure(DashboardOptions dashboard, ChatOptions chat) => chat.Mode = ChatMode.Sync;

    [Fact]
    public async Task Shows_the_pending_line_and_sends_the_reply_to_it()
    {
        var box = Render<OperatorBox>();
        await using var client = await ConnectAsync();
        await client.SendLineAsync("what time is it?");
        box.WaitForAssertion(() => Assert.Equal("what time is it?", box.Find("#pending-reply .pending-text").TextContent), LineReader.DefaultTimeout);

        await SendAsync(box, "ten past nine");

        Assert.Equal("ten past nine", await client.ReadUntilAsync(l => !l.StartsWith("* ", StringComparison.Ordinal)));
        box.WaitForAssertion(() => Assert.Contains("No line waits", box.Find("#pending-reply").TextContent, StringComparison.Ordinal), LineReader.DefaultTimeout);
    }
}
