namespace ChatOps.Web.Auth;

/// <summary>Logs every sign-in attempt with its IP address; the history's audit view follows the same calls.</summary>
internal sealed partial class SignInAudit(ILogger<SignInAudit> logger)
{
    public event Action<string, bool>? Attempted;

    public void Succeeded(HttpContext http)
    {
        var ip = Ip(http);
        SignedIn(logger, ip);
        Attempted?.Invoke(ip, true);
    }

    public void Failed(HttpContext http)
    {
        var ip = Ip(http);
        WrongPassword(logger, ip);
        Attempted?.Invoke(ip, false);
    }

    private static string Ip(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } a ? TcpEngine.Protocol.IpText.Format(a) : "unknown";

    [LoggerMessage(1, LogLevel.Information, "Dashboard sign-in from {Ip}")]
    private static partial void SignedIn(ILogger logger, string ip);

    [LoggerMessage(2, LogLevel.Warning, "Wrong dashboard password from {Ip}")]
    private static partial void WrongPassword(ILogger logger, string ip);
}
