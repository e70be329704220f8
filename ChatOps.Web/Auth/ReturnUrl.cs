namespace ChatOps.Web.Auth;

/// <summary>
/// Where a sign-in goes next: a path of this site, or else <c>/</c>. Checked before anything else is done with the request,
/// so that no address can make a correct sign-in fail half-way (a non-ASCII or control character in a <c>Location</c>
/// header is refused by the server after the cookie and the audit entry are made).
/// </summary>
internal static class ReturnUrl
{
    public const string Home = "/";

    // Longer addresses are not ours: the dashboard's own links are short.
    private const int MaxLength = 2048;

    public static string Local(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : Home;

    // Only paths of this site: an open redirect would let a link in the chat send the teacher elsewhere after sign-in.
    // Printable ASCII only (browsers send the rest percent-encoded); no backslash, which browsers read as a slash.
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 and <= MaxLength }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is > ' ' and < '\u007f' and not '\\');
}
