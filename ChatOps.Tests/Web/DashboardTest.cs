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
    internal LiveDashboard Live { get; private set; } = default!;

    internal ChatEngine Engine => Live.Engine;

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
    }

    internal Task<TcpTestClient> ConnectAsync(string? room = null, System.Net.IPAddress? from = null) => Live.ConnectAsync(room, from);

    internal long SessionIdOf(TcpTestClient client) => Live.SessionIdOf(client);
}
