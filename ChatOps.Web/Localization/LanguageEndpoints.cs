using ChatOps.Web.Auth;
using Microsoft.AspNetCore.Localization;

namespace ChatOps.Web.Localization;

/// <summary>
/// The language switch: <c>GET /language?name=fr&amp;returnUrl=/history</c> remembers the choice in the standard
/// <c>.AspNetCore.Culture</c> cookie and reloads the page, so the new circuit starts in that language (a Blazor Server
/// circuit takes its culture from the request that opened it).
/// </summary>
internal static class LanguageEndpoints
{
    public const string Path = "/language";

    public static string Link(string name, string returnUrl) =>
        $"{Path.TrimStart('/')}?name={Uri.EscapeDataString(name)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous: the sign-in page has the switch too, and a language is no secret.
        endpoints.MapGet(Path, (HttpContext context, string? name, string? returnUrl) =>
        {
            if (Languages.Find(name) is not { } language)
                return Results.BadRequest("name must be en or fr");
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language, language)),
                new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    Path = "/",
                });
            return Results.LocalRedirect(ReturnUrl.Local(returnUrl));
        }).AllowAnonymous();
        return endpoints;
    }
}
