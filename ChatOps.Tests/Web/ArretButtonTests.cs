using Bunit;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using MudBlazor;

namespace ChatOps.Tests.Web;

public sealed class ArretButtonTests : DashboardTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    [Fact]
    public async Task Asks_for_confirmation_and_cancel_changes_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var button = Render<ArretButton>();
        await using var client = await ConnectAsync();

        await button.ClickAsync("#arret-button");
        dialogs.WaitForAssertion(() => Assert.Contains("Stop the server?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        // The dialog's title and its buttons may arrive in two renders.
        dialogs.WaitForAssertion(() => dialogs.Find("#arret-cancel"), Timeout);
        Assert.True(Engine.IsRunning);

        await dialogs.ClickButtonAsync("Cancel");

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Stop the server?", dialogs.Markup, StringComparison.Ordinal), Timeout);
        Assert.True(Engine.IsRunning);
        Assert.Single(Engine.GetSessions());
    }

    [Fact]
    public async Task Confirming_stops_the_server_closes_clients_and_offers_start()
    {
        var dialogs = Render<MudDialogProvider>();
        var button = Render<ArretButton>();
        var status = Render<StatusBar>();
        await using var client = await ConnectAsync();

        await button.ClickAsync("#arret-button");
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("button"), b => b.TextContent.Trim() == "arret"), Timeout);
        // The confirming button is red, like the arret button: it stops the lab.
        Assert.Contains("mud-button-filled-error", dialogs.Find("#arret-confirm").ClassList);
        await dialogs.ClickButtonAsync("arret");

        var lines = await client.ReadToEndAsync();
        Assert.Contains(lines, l => l.StartsWith("* arret", StringComparison.Ordinal));
        button.WaitForAssertion(() => button.Find("#start-button"), Timeout);
        Assert.False(Engine.IsRunning);
        Assert.Equal(StopReason.Arret, Engine.LastStop?.Reason);
        status.WaitForAssertion(() =>
        {
            Assert.Equal("stopped", status.Find("#engine-state").TextContent.Trim());
            Assert.StartsWith("arret by teacher", status.Find("#stopped-by").TextContent, StringComparison.Ordinal);
        }, Timeout);

        await button.ClickAsync("#start-button");
        button.WaitForAssertion(() => button.Find("#arret-button"), Timeout);
        Assert.True(Engine.IsRunning);
    }
}
