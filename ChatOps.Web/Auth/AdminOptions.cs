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

    /// <summary>
    /// Wrong passwords one address may try before it must wait. Default 5: enough for typos, too few to guess. The wait
    /// starts at a minute and doubles with each further wrong password (at most an hour), so the address gets about five
    /// tries a minute at first and ever fewer after (see <see cref="SignInThrottle"/>).
    /// </summary>
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>
    /// Wrong passwords all addresses together may try before every address but the server's own (127.0.0.1, ::1) must
    /// wait. Default 20: a class of typos, not a guessing campaign from forty borrowed addresses. The wait starts at a
    /// second and doubles with each further wrong password (at most five minutes).
    /// </summary>
    public int SignInFailuresAllAddresses { get; set; } = 20;

    /// <summary>
    /// How long a printed sign-in link (no <see cref="Password"/> set) can be used, once. Default 5 minutes: the time to
    /// open it from the terminal, short enough that a link left on a projected screen is dead before a student types it
    /// in. A new link is printed from the sign-in page (on the server's machine only).
    /// </summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sign-in lasts. Default 12 hours: a teaching day.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
