using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Auth;

/// <summary>
/// The configured password. Without one, the dashboard opens with single-use links instead (<see cref="LinkToken"/>,
/// as Jupyter does), printed in the terminal.
/// </summary>
internal sealed class AdminSecret
{
    private readonly byte[]? _hash;

    public AdminSecret(IOptions<AdminOptions> options)
    {
        var configured = options.Value.Password;
        IsGenerated = string.IsNullOrEmpty(configured);
        _hash = IsGenerated ? null : Hash(configured!);
    }

    /// <summary>True when no password was configured: only printed links (and their tokens) open the dashboard.</summary>
    public bool IsGenerated { get; }

    // Hash both sides so the comparison is constant-time whatever the lengths.
    public bool Matches(string? candidate) =>
        _hash is not null && candidate is not null && CryptographicOperations.FixedTimeEquals(_hash, Hash(candidate));

    internal static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
