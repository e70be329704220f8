using Microsoft.Extensions.Options;

namespace ChatOps.Web.Auth;

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    // A password a student could guess in the few attempts the throttle allows is no password.
    public const int MinimumPasswordLength = 8;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.Password) && options.Password.Length < MinimumPasswordLength)
            errors.Add($"{AdminOptions.SectionName}:Password must have at least {MinimumPasswordLength} characters.");
        if (options.SignInAttemptsPerMinute < 1)
            errors.Add($"{AdminOptions.SectionName}:SignInAttemptsPerMinute must be at least 1 (got {options.SignInAttemptsPerMinute}).");
        if (options.SignInFailuresAllAddresses < 1)
            errors.Add($"{AdminOptions.SectionName}:SignInFailuresAllAddresses must be at least 1 (got {options.SignInFailuresAllAddresses}).");
        if (options.LinkLifetime <= TimeSpan.Zero || options.LinkLifetime > TimeSpan.FromDays(1))
            errors.Add($"{AdminOptions.SectionName}:LinkLifetime must be positive and at most a day (got {options.LinkLifetime}).");
        if (options.SessionLifetime <= TimeSpan.Zero)
            errors.Add($"{AdminOptions.SectionName}:SessionLifetime must be positive (got {options.SessionLifetime}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
