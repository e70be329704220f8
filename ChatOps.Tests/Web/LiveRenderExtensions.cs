using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace ChatOps.Tests.Web;

/// <summary>
/// Dashboard components re-render on their own (pushes from the engine). Finding an element and firing its event on the
/// renderer's dispatcher keeps a push from slipping in between, which would leave the element's handler stale.
/// </summary>
internal static class LiveRenderExtensions
{
    public static Task ClickAsync<T>(this IRenderedComponent<T> cut, string selector)
        where T : IComponent => cut.ClickAsync(c => c.Find(selector));

    public static Task ClickAsync<T>(this IRenderedComponent<T> cut, Func<IRenderedComponent<T>, IElement> pick)
        where T : IComponent => cut.InvokeAsync(() => pick(cut).Click());

    public static Task InputAsync<T>(this IRenderedComponent<T> cut, string selector, string value)
        where T : IComponent => cut.InvokeAsync(() => cut.Find(selector).Input(value));

    public static Task ClickButtonAsync<T>(this IRenderedComponent<T> cut, string text)
        where T : IComponent => cut.ClickAsync(c => Assert.Single(c.FindAll("button"), b => b.TextContent.Trim() == text));
}
