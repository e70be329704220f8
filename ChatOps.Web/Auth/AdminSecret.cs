using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Auth;

/// <summary>
/// What opens the dashboard: the configured password, or else a random token made at start (as Jupyter does), printed
/// once in the terminal with a sign-in link.
/// </summary>
internal sealed class AdminSecret
{
    private readonly byte[] _hash;

    public AdminSecret(IOptions<AdminOptions> options)
    {
        var configured = options.Value.Password;
        IsGenerated = string.IsNullOrEmpty(configured);
        Token = IsGenerated ? RandomNumberGenerator.GetHexString(32, lowercase: true) : null;
        _hash = Hash(configured is { Length: > 0 } ? configured : Token!);
    }

    /// <summary>True when no password was configured and <see cref="Token"/> is the secret.</summary>
    public bool IsGenerated { get; }

    /// <summary>The one-time token, or null when a password is configured (it is never printed).</summary>
    public string? Token { get; }

    // Hash both sides so the comparison is constant-time whatever the lengths.
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(_hash, Hash(candidate));

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
