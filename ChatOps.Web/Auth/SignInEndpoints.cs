using System.Security.Claims;
using ChatOps.Web.Cluster;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc;

namespace ChatOps.Web.Auth;

/// <summary>
/// <c>POST /auth/signin</c> (the sign-in form), <c>GET /auth/link?token=…</c> (the printed link), <c>POST /auth/newlink</c>
/// (prints a new link in the terminal; from the server's machine only) and <c>POST /auth/signout</c>.
/// Wrong passwords and tokens are throttled (<see cref="SignInThrottle"/>).
/// </summary>
internal static class SignInEndpoints
{
    // Not /signin itself: that is the page, and Razor component endpoints take POSTs for their own forms.
    public const string SignInPath = "/auth/signin";
    public const string LinkPath = "/auth/link";
    public const string NewLinkPath = "/auth/newlink";
    public const string SignOutPath = "/auth/signout";
    public const string TeacherName = "teacher";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPath, SignInWithFormAsync).AllowAnonymous();
        endpoints.MapGet(LinkPath, SignInWithLinkAsync).AllowAnonymous();
        endpoints.MapPost(NewLinkPath, PrintNewLinkAsync).AllowAnonymous();
        endpoints.MapPost(SignOutPath, SignOutAsync);
        return endpoints;
    }

    private static async Task<IResult> SignInWithFormAsync(HttpContext http, AdminSecret secret, LinkToken link, SignInThrottle throttle,
        SignInAudit audit, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var next = ReturnUrl.Local(returnUrl);
        var ip = http.Connection.RemoteIpAddress;
        if (throttle.WaitFor(ip) > TimeSpan.Zero)
            return Results.LocalRedirect($"{SignInPage.Path}?error={SignInPage.Throttled}");
        // Without a password, the printed token works in the form too (typed from a terminal on another screen).
        if (!(secret.IsGenerated ? link.TryRedeem(password) : secret.Matches(password)))
        {
            await FailAsync(http, throttle, audit);
            return Results.LocalRedirect($"{SignInPage.Path}?error={SignInPage.Wrong}&returnUrl={Uri.EscapeDataString(next)}");
        }
        await SignInTeacherAsync(http, throttle, audit);
        return Results.LocalRedirect(next);
    }

    private static async Task<IResult> SignInWithLinkAsync(HttpContext http, LinkToken link, SignInThrottle throttle, SignInAudit audit, string? token)
    {
        if (throttle.WaitFor(http.Connection.RemoteIpAddress) > TimeSpan.Zero)
            return Results.LocalRedirect($"{SignInPage.Path}?error={SignInPage.Throttled}");
        // Only the generated token travels in a link: a configured password must not end up in URLs and logs.
        if (!link.IsEnabled || !link.TryRedeem(token))
        {
            await FailAsync(http, throttle, audit);
            return Results.LocalRedirect($"{SignInPage.Path}?error={(link.IsEnabled ? SignInPage.LinkSpent : SignInPage.Wrong)}");
        }
        await SignInTeacherAsync(http, throttle, audit);
        return Results.LocalRedirect(ReturnUrl.Home);
    }

    // The new link goes to the terminal, never into the answer: only who sits at the server reads it.
    private static async Task<IResult> PrintNewLinkAsync(HttpContext http, IAntiforgery antiforgery, LinkToken link, IServer server, SignInTerminal terminal)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.BadRequest();
        if (!ServerMachine.IsSelf(http.Connection.RemoteIpAddress))
            return Results.LocalRedirect($"{SignInPage.Path}?error={SignInPage.NotHere}");
        if (!link.IsEnabled)
            return Results.LocalRedirect(SignInPage.Path);
        await terminal.PrintLinkAsync(server, link.Issue());
        return Results.LocalRedirect($"{SignInPage.Path}?error={SignInPage.LinkPrinted}");
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SessionStamp stamp, SignInAudit audit)
    {
        // SameSite=Strict already keeps other sites' forms out; the token also keeps out a page of this site's own host.
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.BadRequest();
        await audit.SignedOutAsync(http);
        var next = stamp.Revoke();
        // In a cluster the other hosts must end this sign-in too: the new stamp goes to Redis before the answer.
        if (http.RequestServices.GetService<SharedSessionStamp>() is { } shared)
            await shared.SaveAsync(next);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(SignInPage.Path);
    }

    private static async Task FailAsync(HttpContext http, SignInThrottle throttle, SignInAudit audit)
    {
        throttle.Failed(http.Connection.RemoteIpAddress);
        await audit.FailedAsync(http);
    }

    private static async Task SignInTeacherAsync(HttpContext http, SignInThrottle throttle, SignInAudit audit)
    {
        var stamp = http.RequestServices.GetRequiredService<SessionStamp>().Current;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, TeacherName), new Claim(SessionStamp.ClaimType, stamp)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        throttle.Succeeded(http.Connection.RemoteIpAddress);
        await audit.SucceededAsync(http);
    }
}
