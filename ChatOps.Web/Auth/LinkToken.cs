using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Auth;

/// <summary>
/// The token of the printed sign-in link when no password is set: random (128 bits), usable once, dead after
/// <see cref="AdminOptions.LinkLifetime"/>. Only the newest token is valid: printing a new link kills the previous one.
/// </summary>
internal sealed class LinkToken
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private byte[]? _hash;
    private DateTimeOffset _expiresAt;

    public LinkToken(AdminSecret secret, IOptions<AdminOptions> options, TimeProvider time)
    {
        _time = time;
        _lifetime = options.Value.LinkLifetime;
        IsEnabled = secret.IsGenerated;
        if (IsEnabled)
            Current = Issue();
    }

    /// <summary>False when a password is configured: it must never travel in a link, and no link is printed.</summary>
    public bool IsEnabled { get; }

    /// <summary>The last token issued (printed at start), whether or not it is still usable; null when disabled.</summary>
    public string? Current { get; private set; }

    /// <summary>A new token, replacing the previous one.</summary>
    public string Issue()
    {
        if (!IsEnabled)
            throw new InvalidOperationException("A configured password is never replaced by a link.");
        var token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        lock (_gate)
        {
            _hash = AdminSecret.Hash(token);
            _expiresAt = _time.GetUtcNow() + _lifetime;
            Current = token;
        }
        return token;
    }

    /// <summary>True, once, for the current token before it expires; the token is spent whether or not the sign-in completes.</summary>
    public bool TryRedeem(string? candidate)
    {
        if (candidate is null)
            return false;
        var hash = AdminSecret.Hash(candidate);
        lock (_gate)
        {
            if (_hash is null || !CryptographicOperations.FixedTimeEquals(_hash, hash) || _time.GetUtcNow() >= _expiresAt)
                return false;
            _hash = null;
            return true;
        }
    }
}
