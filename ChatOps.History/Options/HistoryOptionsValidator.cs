using Microsoft.Extensions.Options;

namespace ChatOps.History.Options;

/// <summary>Rejects wrong values at start with one line that names the key.</summary>
public sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    /// <summary>
    /// The longest interval a timer here accepts: 30 days. .NET timers stop at 2^32 - 2 ms (49.7 days) and a longer
    /// <c>Task.Delay</c> throws, which would stop the host; a month is already longer than any lab needs.
    /// </summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(HistoryOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        const string s = HistoryOptions.SectionName;
        if (string.IsNullOrWhiteSpace(o.Path) || o.Path.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            yield return $"{s}:Path must be a folder path (got '{o.Path}').";
        if (o.RetentionDays < 0)
            yield return $"{s}:RetentionDays must be 0 (keep everything) or more (got {o.RetentionDays}).";
        if (o.FlushInterval <= TimeSpan.Zero || o.FlushInterval > TimeSpan.FromSeconds(1))
            yield return $"{s}:FlushInterval must be more than 0 and at most 00:00:01, or a crash loses more than a second (got {o.FlushInterval}).";
        if (o.RetryInterval <= TimeSpan.Zero || o.RetryInterval > MaxInterval)
            yield return $"{s}:RetryInterval must be more than 0 and at most {MaxInterval:c} (got {o.RetryInterval}).";
        if (o.CleanupInterval < TimeSpan.FromMinutes(1) || o.CleanupInterval > MaxInterval)
            yield return $"{s}:CleanupInterval must be between 00:01:00 and {MaxInterval:c} (got {o.CleanupInterval}).";
        if (o.MaxNameLength is < 1 or > 200)
            yield return $"{s}:MaxNameLength must be between 1 and 200 (got {o.MaxNameLength}).";
        foreach (var (key, value) in new[]
        {
            (nameof(o.MaxBatchEvents), o.MaxBatchEvents),
            (nameof(o.MaxEventsPerSecond), o.MaxEventsPerSecond),
            (nameof(o.QueueCapacity), o.QueueCapacity),
            (nameof(o.MaxPendingEvents), o.MaxPendingEvents),
            (nameof(o.MaxPageSize), o.MaxPageSize),
        })
        {
            if (value < 1)
                yield return $"{s}:{key} must be at least 1 (got {value}).";
        }
    }
}
