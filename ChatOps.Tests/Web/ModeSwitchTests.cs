using Bunit;
using ChatOps.TcpEngine;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using MudBlazor;

namespace ChatOps.Tests.Web;

public sealed class ModeSwitchTests : DashboardTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    [Fact]
    public void Says_which_exercise_the_current_mode_is()
    {
        var modes = Render<ModeSwitch>();

        Assert.Contains("Exercise 3", modes.Find("#mode-sentence").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switches_only_after_confirmation_and_clients_get_a_notice()
    {
        var dialogs = Render<MudDialogProvider>();
        var modes = Render<ModeSwitch>();
        await using var client = await ConnectAsync();

        await modes.ClickAsync("button.mode-echo");
        dialogs.WaitForAssertion(() => Assert.Contains("Exercise 1", dialogs.Markup, StringComparison.Ordinal), Timeout);
        await dialogs.ClickButtonAsync("Cancel");
        Assert.Equal(ChatMode.Relay, Engine.Mode);

        await modes.ClickAsync("button.mode-echo");
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Switch"), Timeout);
        await dialogs.ClickButtonAsync("Switch");

        Assert.Contains(await client.ReadToEndAsync(), l => l.Contains("restarts in echo mode", StringComparison.Ordinal));
        Assert.Equal(ChatMode.Echo, Engine.Mode);
        modes.WaitForAssertion(() => Assert.Contains("Exercise 1", modes.Find("#mode-sentence").TextContent, StringComparison.Ordinal), Timeout);
    }
}
