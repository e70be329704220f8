using Bunit;
using ChatOps.History.Audit;
using ChatOps.Tests.History;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Components.Records;
using ChatOps.Web.Records;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatOps.Tests.Web;

/// <summary>
/// What the dashboard's controls leave in the real audit log: one name for the teacher (the sign-in's), and the address
/// the page was served to.
/// </summary>
public sealed class OperatorAuditTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;
    private static readonly BrowserAddress Browser = new("192.168.1.23");
    private readonly TempFolder _folder = new();
    private LiveDashboard _live = default!;
    private HistoryHost _history = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        _live = await LiveDashboard.StartAsync();
        _history = await HistoryHost.StartAsync(_folder.Path);
        Services.AddSingleton(_live.Server);
        Services.AddSingleton(_live.State);
        Services.AddSingleton(new Moderation(_live.Server, TimeProvider.System, _history.Audit, _history.Bans));
        Services.AddSingleton(new EngineControl(_live.Server, TimeProvider.System, _history.Audit));
        Services.AddSingleton(_history.Roster); // the table's name column
        Render<MudPopoverProvider>();
    }

    private IRenderedComponent<CascadingValue<BrowserAddress>> RenderServed<T>()
        where T : IComponent =>
        Render<CascadingValue<BrowserAddress>>(p => p.Add(c => c.Value, Browser).AddChildContent<T>());

    private async Task<AuditEntry> LatestAsync(AuditAction action) =>
        (await _history.Audit.ListAsync(0, 50, Ct)).Items.Select(r => r.Entry).First(e => e.Action == action);

    [Fact]
    public async Task A_kick_records_the_teacher_and_the_browser_address()
    {
        var table = RenderServed<ConnectionsTable>();
        await using var client = await _live.ConnectAsync();
        var row = $"tr[data-session='{_live.SessionIdOf(client)}']";
        table.WaitForAssertion(() => table.Find($"{row} button.kick-button"), Timeout);

        await table.InvokeAsync(() => table.Find($"{row} button.kick-button").Click());

        var kick = await LatestAsync(AuditAction.Kick);
        Assert.Equal(("teacher", "192.168.1.23", $"127.0.0.1:{client.LocalEndPoint.Port}"), (kick.Actor, kick.ActorIp, kick.Target));
    }

    [Fact]
    public async Task A_ban_records_the_teacher_and_the_browser_address()
    {
        var dialogs = Render<MudDialogProvider>();
        var table = RenderServed<ConnectionsTable>();
        await using var client = await _live.ConnectAsync();
        var row = $"tr[data-session='{_live.SessionIdOf(client)}']";
        table.WaitForAssertion(() => table.Find($"{row} button.ban-button"), Timeout);

        var opening = table.InvokeAsync(() => table.Find($"{row} button.ban-button").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("#ban-confirm"), Timeout);
        await dialogs.InvokeAsync(() => dialogs.Find("#ban-confirm").Click());
        await opening.WaitAsync(Timeout, Ct);

        var ban = await LatestAsync(AuditAction.Ban);
        Assert.Equal(("teacher", "192.168.1.23", "127.0.0.1"), (ban.Actor, ban.ActorIp, ban.Target));
    }

    [Fact]
    public async Task Start_is_recorded_with_the_mode()
    {
        await _live.Engine.ArretAsync("teacher");
        var button = RenderServed<ArretButton>();
        button.WaitForAssertion(() => button.Find("#start-button"), Timeout);

        await button.InvokeAsync(() => button.Find("#start-button").Click());

        Assert.True(_live.Engine.IsRunning);
        var start = await LatestAsync(AuditAction.Start);
        Assert.Equal(("teacher", "192.168.1.23", "relay"), (start.Actor, start.ActorIp, start.Target));
    }

    [Fact]
    public async Task The_client_arret_switch_is_recorded_each_way()
    {
        var toggle = RenderServed<ClientArretSwitch>();
        var input = () => toggle.Find("input[type=checkbox]");

        await toggle.InvokeAsync(() => input().Change(false));
        Assert.False(_live.Engine.AllowClientArret);
        var off = await LatestAsync(AuditAction.Setting);
        Assert.Equal(("teacher", "192.168.1.23", EngineControl.ClientArretSetting, "off"), (off.Actor, off.ActorIp, off.Target, off.Detail));

        toggle.WaitForAssertion(() => Assert.False(input().HasAttribute("checked")), Timeout);
        await toggle.InvokeAsync(() => input().Change(true));
        Assert.True(_live.Engine.AllowClientArret);
        Assert.Equal("on", (await LatestAsync(AuditAction.Setting)).Detail);
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
