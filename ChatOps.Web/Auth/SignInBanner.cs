using System.Net;

namespace ChatOps.Web.Auth;

/// <summary>What the terminal says about signing in, and the loud warning when the dashboard is exposed without a password.</summary>
internal static class SignInBanner
{
    public static IEnumerable<string> Lines(LinkToken link, IReadOnlyCollection<string> dashboardAddresses)
    {
        if (!link.IsEnabled)
        {
            yield return "Sign in with the password set in Admin:Password.";
            yield break;
        }
        yield return "No Admin:Password is set: sign in with this link (it works once, for a few minutes; the sign-in page prints a new one):";
        foreach (var line in LinkLines(link.Current!, dashboardAddresses))
            yield return line;
        if (dashboardAddresses.Any(a => !IsLoopback(a)))
        {
            yield return "WARNING: the dashboard listens beyond this machine and no Admin:Password is set.";
            yield return "WARNING: anyone who sees the token above can stop the lab. Set Admin__Password, or keep --urls on localhost.";
        }
    }

    public static IEnumerable<string> LinkLines(string token, IReadOnlyCollection<string> dashboardAddresses) =>
        dashboardAddresses.Select(address => $"  {address.TrimEnd('/')}{SignInEndpoints.LinkPath}?token={token}");

    private static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            return false;
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
