using Bunit;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;
using ChatOps.Web.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatOps.Tests.Web;

/// <summary>bUnit with MudBlazor and a live engine + dashboard state behind the components under test.</summary>
public abstract class DashboardTest : BunitContext, IAsyncLifetime
{
    private readonly ChatOps.Tests.History.TempFolder _folder = new();

    internal LiveDashboard Live { get; private set; } = default!;

    internal ChatEngine Engine => Live.Engine;

    internal ChatOps.History.Roster.ClassRoster Roster { get; private set; } = default!;

    protected virtual void Configure(DashboardOptions dashboard, ChatOptions chat)
    {
    }

    /// <summary>More services, added before anything renders (bUnit allows none after).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Live = await LiveDashboard.StartAsync(Configure);
        Services.AddSingleton(Live.Server);
        Services.AddSingleton(Live.State);
        // The name column and the mirror read the roster; a real one over a file of this test's own.
        Roster = TestRoster.Create(_folder.Path);
        Services.AddSingleton(Roster);
        // Kicks and bans go through Moderation; these tests run without the history (its own tests bring one).
        Services.AddSingleton(new ChatOps.Web.Records.Moderation(Live.Server, TimeProvider.System));
        Services.AddSingleton(new ChatOps.Web.Records.EngineControl(Live.Server, TimeProvider.System));
        AddServices(Services);
        // Tooltips and dialogs render through these providers, as in the app's layout.
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (Live is not null)
            await Live.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    internal Task<TcpTestClient> ConnectAsync(string? room = null, System.Net.IPAddress? from = null) => Live.ConnectAsync(room, from);

    internal long SessionIdOf(TcpTestClient client) => Live.SessionIdOf(client);
}
