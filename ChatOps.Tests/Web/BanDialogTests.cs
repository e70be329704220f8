using Bunit;
using ChatOps.Tests.History;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Records;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatOps.Tests.Web;

/// <summary>The ban button of the connections table, its dialog, and the ban it makes in the real ban list.</summary>
public sealed class BanDialogTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;
    private readonly TempFolder _folder = new();
    private LiveDashboard _live = default!;
    private HistoryHost _history = default!;

    public async ValueTask InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        _live = await LiveDashboard.StartAsync();
        _history = await HistoryHost.StartAsync(_folder.Path);
        Services.AddSingleton(_live.Server);
        Services.AddSingleton(_live.State);
        Services.AddSingleton(_history.Roster);
        Services.AddSingleton(new Moderation(_live.Server, TimeProvider.System, _history.Audit, _history.Bans));
    }

    [Fact]
    public async Task Ban_for_an_hour_with_a_reason_bans_the_ip_and_closes_its_connection()
    {
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var table = Render<ConnectionsTable>();
        await using var client = await _live.ConnectAsync();
        table.WaitForAssertion(() => table.Find($"tr[data-session='{_live.SessionIdOf(client)}'] button.ban-button"), Timeout);

        var opening = table.InvokeAsync(() => table.Find($"tr[data-session='{_live.SessionIdOf(client)}'] button.ban-button").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("#ban-confirm"), Timeout);
        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudSelect<string>>().Instance.SelectOption("1h"));
        dialogs.Find("input#ban-reason").Change("flooding");
        await dialogs.InvokeAsync(() => dialogs.Find("#ban-confirm").Click());
        await opening.WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken);

        var lines = await client.ReadToEndAsync();
        Assert.Contains(lines, l => l.Contains("disconnected by the teacher: banned", StringComparison.Ordinal));
        var ban = Assert.Single(_history.Bans.Active);
        Assert.Equal(("127.0.0.1", "flooding"), (ban.Ip, ban.Reason));
        Assert.Equal(TimeSpan.FromHours(1), ban.ExpiresAt - ban.CreatedAt);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_history is not null)
            await _history.DisposeAsync();
        if (_live is not null)
            await _live.DisposeAsync();
        _folder.Dispose();
    }
}
