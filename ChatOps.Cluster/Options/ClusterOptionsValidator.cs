using Microsoft.Extensions.Options;

namespace ChatOps.Cluster.Options;

/// <summary>Refuses at start what would fail later: an empty host id, keys with spaces, non-positive sizes and times.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var errors = new List<string>();
        // Host ids name entries, keys and arrets (ArretId: "ms:host:room"): letters, digits, '-', '_' and '.' only.
        if (string.IsNullOrEmpty(options.HostId) || options.HostId.Length > 64
            || !options.HostId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            errors.Add($"Cluster:HostId must be 1 to 64 letters, digits, '-', '_' or '.' (got '{options.HostId}').");
        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.Any(char.IsWhiteSpace))
            errors.Add($"Cluster:KeyPrefix must be a word without spaces (got '{options.KeyPrefix}').");
        Positive(errors, "StreamMaxLength", options.StreamMaxLength);
        Positive(errors, "OutageBacklog", options.OutageBacklog);
        Positive(errors, "ReadBatch", options.ReadBatch);
        Positive(errors, "WriteBatch", options.WriteBatch);
        if (options.ProbeInterval <= TimeSpan.Zero)
            errors.Add($"Cluster:ProbeInterval must be positive (got {options.ProbeInterval}).");
        if (options.HangTimeout <= TimeSpan.Zero)
            errors.Add($"Cluster:HangTimeout must be positive (got {options.HangTimeout}).");
        if (options.HeartbeatInterval <= TimeSpan.Zero || options.HostExpiry <= options.HeartbeatInterval)
            errors.Add($"Cluster:HostExpiry ({options.HostExpiry}) must be longer than Cluster:HeartbeatInterval ({options.HeartbeatInterval}), which must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, int value)
    {
        if (value <= 0)
            errors.Add($"Cluster:{key} must be at least 1 (got {value}).");
    }
}
