using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ChatOps.Web.Components.Join;

/// <summary>
/// The dark palette's variables, applied when the page's root says dark (<c>html[data-chatops-theme=dark]</c>, set by
/// app.js from the teacher's choice or the browser's preference). A page without a circuit cannot switch the theme
/// provider, so it carries both palettes: MudBlazor's own light one on <c>:root</c>, this one over it. Given
/// <c>IsDarkMode="true"</c> and the app's theme by the layout.
/// </summary>
public sealed class DarkThemeStyle : MudThemeProvider
{
    public const string Selector = "html[data-chatops-theme=dark]";

    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        ArgumentNullException.ThrowIfNull(__builder);
        // BuildTheme gives the whole style element. Markup, not text: a style element's content is not decoded by the
        // browser, and this CSS is the app's own theme.
        __builder.AddMarkupContent(0, BuildTheme().Replace(":root", Selector, StringComparison.Ordinal));
    }
}
