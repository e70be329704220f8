using Bunit;
using ChatOps.Tests.History;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatOps.Tests.Web;

/// <summary>bUnit with MudBlazor and the real history (engine + SQLite file in a temp folder) behind the pages.</summary>
public abstract class HistoryPageTest : BunitContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    internal HistoryHost Host { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Host = await HistoryHost.StartAsync(_folder.Path);
        Services.AddSingleton(Host.Queries);
        Services.AddSingleton(Host.Audit);
        Services.AddSingleton(Host.Bans);
        Services.AddSingleton(Host.Roster);
        Services.AddSingleton(Host.Status);
        Services.AddSingleton(Host.Grading);
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (Host is not null)
            await Host.DisposeAsync();
        _folder.Dispose();
    }
}
