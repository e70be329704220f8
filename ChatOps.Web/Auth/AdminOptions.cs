namespace ChatOps.Web.Auth;

/// <summary>The teacher's sign-in, bound from the <c>Admin</c> section.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// The dashboard password (<c>Admin:Password</c>, environment <c>Admin__Password</c>). When empty, a random one-time
    /// token is generated at each start and printed with a ready sign-in link.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Sign-in attempts one IP address may make per minute. Default 5: enough for typos, too few to guess.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>How long a sign-in lasts. Default 12 hours: a teaching day.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
