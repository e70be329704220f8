using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Web.Auth;

/// <summary>
/// The security stamp every sign-in cookie carries (<see cref="ClaimType"/>), checked on each request, on each hub
/// connection and hub call. It is random, made at each start and again at each sign-out: a restart (with a new password
/// or the same) and a sign-out end every earlier sign-in, although the cookie itself stays readable, since its keys are
/// kept in the data folder. There is one teacher, so signing out anywhere signs out everywhere. In a cluster
/// (<c>Cluster:Redis</c>) the stamp lives in Redis and this is each host's copy (<c>SharedSessionStamp</c>): a host's
/// start adopts the cluster's stamp instead of ending everyone's sign-in, and a sign-out on any host ends it on all.
/// </summary>
internal sealed class SessionStamp : IDisposable
{
    public const string ClaimType = "chatops:stamp";

    private readonly Lock _gate = new();
    private Generation _current = Generation.New();

    /// <summary>The stamp given to a sign-in made now.</summary>
    public string Current
    {
        get
        {
            lock (_gate)
                return _current.Stamp;
        }
    }

    public bool IsCurrent(ClaimsPrincipal? user) => IsCurrent(user?.FindFirst(ClaimType)?.Value);

    public bool IsCurrent(string? stamp)
    {
        if (stamp is null)
            return false;
        var current = Current;
        // Constant-time: the stamp is a credential, like the cookie that carries it.
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stamp), Encoding.ASCII.GetBytes(current));
    }

    /// <summary>Cancelled when <paramref name="user"/>'s sign-in ends; already cancelled if it has ended.</summary>
    public CancellationToken Ended(ClaimsPrincipal? user)
    {
        var stamp = user?.FindFirst(ClaimType)?.Value;
        lock (_gate)
            return stamp == _current.Stamp ? _current.Ended.Token : new CancellationToken(canceled: true);
    }

    /// <summary>
    /// Ends every sign-in made so far; callbacks registered on <see cref="Ended"/> run before this returns. Returns the
    /// new stamp (a cluster shares it with the other hosts: docs/cluster.md).
    /// </summary>
    public string Revoke() => Replace(Generation.New())!;

    /// <summary>
    /// Takes <paramref name="stamp"/> as the current stamp, ending the sign-ins made with another one; nothing happens if
    /// it is current already. With <c>Cluster:Redis</c> the stamp lives in Redis and every host adopts it from there.
    /// Returns true when the stamp changed.
    /// </summary>
    public bool Adopt(string stamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(stamp);
        return Replace(new Generation(stamp, new CancellationTokenSource())) is not null;
    }

    private string? Replace(Generation next)
    {
        Generation ended;
        lock (_gate)
        {
            if (next.Stamp == _current.Stamp)
                return null;
            ended = _current;
            _current = next;
        }
        // Not disposed: a hub connection may still register on a token handed out just before; a source without a timer
        // holds nothing that needs freeing.
        ended.Ended.Cancel();
        return next.Stamp;
    }

    public void Dispose()
    {
        lock (_gate)
            _current.Ended.Dispose();
    }

    private sealed record Generation(string Stamp, CancellationTokenSource Ended)
    {
        public static Generation New() => new(RandomNumberGenerator.GetHexString(64, lowercase: true), new CancellationTokenSource());
    }
}
