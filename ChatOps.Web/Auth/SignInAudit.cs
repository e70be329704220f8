using ChatOps.History.Audit;

namespace ChatOps.Web.Auth;

/// <summary>Logs every sign-in attempt with its IP address and records it in the history's audit log.</summary>
internal sealed partial class SignInAudit(ILogger<SignInAudit> logger, TimeProvider time, AuditLog? audit = null)
{
    public event Action<string, bool>? Attempted;

    public async Task SucceededAsync(HttpContext http)
    {
        var ip = Ip(http);
        SignedIn(logger, ip);
        Attempted?.Invoke(ip, true);
        await RecordAsync(AuditAction.SignIn, SignInEndpoints.TeacherName, ip, http.RequestAborted);
    }

    public async Task FailedAsync(HttpContext http)
    {
        var ip = Ip(http);
        WrongPassword(logger, ip);
        Attempted?.Invoke(ip, false);
        // Nobody is known yet: the actor of a failed attempt is its address.
        await RecordAsync(AuditAction.SignInFailed, ip, ip, http.RequestAborted);
    }

    public Task SignedOutAsync(HttpContext http) =>
        RecordAsync(AuditAction.SignOut, http.User.Identity?.Name ?? SignInEndpoints.TeacherName, Ip(http), http.RequestAborted);

    // AuditLog reports its own faults and returns false: a sign-in never fails because its record could not be kept.
    private Task RecordAsync(AuditAction action, string actor, string ip, CancellationToken cancellationToken) =>
        audit?.RecordAsync(new AuditEntry(time.GetUtcNow(), action, actor, ip), cancellationToken) ?? Task.CompletedTask;

    private static string Ip(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } a ? TcpEngine.Protocol.IpText.Format(a) : "unknown";

    [LoggerMessage(3101, LogLevel.Information, "Dashboard sign-in from {Ip}")]
    private static partial void SignedIn(ILogger logger, string ip);

    [LoggerMessage(3102, LogLevel.Warning, "Wrong dashboard password from {Ip}")]
    private static partial void WrongPassword(ILogger logger, string ip);
}
