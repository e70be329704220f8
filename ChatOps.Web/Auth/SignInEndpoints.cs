using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace ChatOps.Web.Auth;

/// <summary>
/// <c>POST /auth/signin</c> (the sign-in form), <c>GET /auth/link?token=…</c> (the link printed at start) and
/// <c>POST /auth/signout</c>.
/// Sign-in attempts are rate-limited per IP address.
/// </summary>
internal static class SignInEndpoints
{
    // Not /signin itself: that is the page, and Razor component endpoints take POSTs for their own forms.
    public const string SignInPath = "/auth/signin";
    public const string LinkPath = "/auth/link";
    public const string SignOutPath = "/auth/signout";
    public const string RateLimitPolicy = "signin";
    public const string TeacherName = "teacher";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPath, SignInWithFormAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        endpoints.MapGet(LinkPath, SignInWithLinkAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        endpoints.MapPost(SignOutPath, (Delegate)SignOutAsync);
        return endpoints;
    }

    private static async Task<IResult> SignInWithFormAsync(HttpContext http, AdminSecret secret, SignInAudit audit,
        [FromForm] string? password, [FromForm] string? returnUrl)
    {
        if (!secret.Matches(password))
        {
            await audit.FailedAsync(http);
            return Results.LocalRedirect($"{SignInPage.Path}?error={SignInPage.Wrong}&returnUrl={Uri.EscapeDataString(Local(returnUrl))}");
        }
        await SignInTeacherAsync(http, audit);
        return Results.LocalRedirect(Local(returnUrl));
    }

    private static async Task<IResult> SignInWithLinkAsync(HttpContext http, AdminSecret secret, SignInAudit audit, string? token)
    {
        // Only the generated token travels in a link: a configured password must not end up in URLs and logs.
        if (!secret.IsGenerated || !secret.Matches(token))
        {
            await audit.FailedAsync(http);
            return Results.LocalRedirect($"{SignInPage.Path}?error={SignInPage.Wrong}");
        }
        await SignInTeacherAsync(http, audit);
        return Results.LocalRedirect("/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, SignInAudit audit)
    {
        await audit.SignedOutAsync(http);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(SignInPage.Path);
    }

    private static async Task SignInTeacherAsync(HttpContext http, SignInAudit audit)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, TeacherName)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await audit.SucceededAsync(http);
    }

    // Only paths of this site: an open redirect would let a link in the chat send the teacher elsewhere.
    private static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
