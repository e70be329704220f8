using System.Net;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Checks;

/// <summary>Rejects wrong grading values at start with one line naming the key.</summary>
internal sealed class GradingOptionsValidator : IValidateOptions<GradingOptions>
{
    public ValidateOptionsResult Validate(string? name, GradingOptions options)
    {
        const string s = GradingOptions.SectionName;
        List<string> errors = [];
        if (options.MaxParallel is < 1 or > 32)
            errors.Add($"{s}:MaxParallel must be between 1 and 32 (got {options.MaxParallel}).");
        if (options.Timeout < TimeSpan.FromMilliseconds(100) || options.Timeout > TimeSpan.FromSeconds(60))
            errors.Add($"{s}:Timeout must be between 00:00:00.100 and 00:01:00 (got {options.Timeout}).");
        if (options.MaxTargets is < 1 or > 10_000)
            errors.Add($"{s}:MaxTargets must be between 1 and 10000 (got {options.MaxTargets}).");
        foreach (var address in options.From.Where(a => !IPAddress.TryParse(a, out _)))
            errors.Add($"{s}:From must hold IP addresses (got '{address}').");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
