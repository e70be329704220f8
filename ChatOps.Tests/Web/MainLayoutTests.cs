using Bunit;
using ChatOps.Web.Components.Layout;
using ChatOps.Web.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace ChatOps.Tests.Web;

/// <summary>The layout asks the browser once for its time zone and its theme, and remembers the teacher's theme switch.</summary>
public sealed class MainLayoutTests : BunitContext
{
    private readonly DashboardOptions _options = new();

    public MainLayoutTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(Options.Create(_options));
        // The sign-out form's token: the layout renders it, these tests do not post it.
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        // The sign-in watch the layout holds (it does nothing before the circuit is interactive).
        Services.AddSingleton<ChatOps.Web.Auth.SessionStamp>();
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

    [Fact]
    public void Shows_the_browser_time_zone_once_it_answers()
    {
        JSInterop.Setup<string?>("chatops.timeZone").SetResult("Asia/Tokyo");

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Equal("Asia/Tokyo", layout.Find("#time-zone").TextContent));
    }

    [Fact]
    public void A_configured_zone_wins_over_the_browser()
    {
        _options.TimeZone = "Europe/Paris";
        JSInterop.Setup<string?>("chatops.timeZone").SetResult("Asia/Tokyo");

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Equal("true", layout.Find("#app-root").GetAttribute("data-interactive")));
        Assert.Equal("Europe/Paris", layout.Find("#time-zone").TextContent);
        Assert.Empty(JSInterop.Invocations["chatops.timeZone"]);
    }

    [Fact]
    public async Task Starts_in_the_theme_the_browser_prefers_and_remembers_the_switch()
    {
        JSInterop.Setup<bool>("chatops.theme.isDark").SetResult(true);
        var layout = RenderLayout();
        layout.WaitForAssertion(() => Assert.Equal("dark", layout.Find("#app-root").GetAttribute("data-theme")));

        await layout.InvokeAsync(() => layout.Find("#theme-toggle").Click());

        Assert.Equal("light", layout.Find("#app-root").GetAttribute("data-theme"));
        var remembered = Assert.Single(JSInterop.Invocations["chatops.theme.remember"]);
        Assert.Equal([false], remembered.Arguments);
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
