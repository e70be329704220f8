namespace ChatOps.Web.Security;

/// <summary>
/// Headers on every answer, errors and static files included: no type sniffing, no referrer (a sign-in link carries its
/// token in its address), no framing (clickjacking the arret button), and a content-security policy under which
/// Blazor Server and MudBlazor work: scripts from this site only (no inline script, no eval); inline styles allowed,
/// since Blazor and MudBlazor set style attributes at run time; the circuit's WebSocket to this site ('self' covers ws:
/// on the same host); nothing from elsewhere, which suits a lab that may be offline.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    });
}
