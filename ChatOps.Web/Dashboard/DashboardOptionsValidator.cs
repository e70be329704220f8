using Microsoft.Extensions.Options;

namespace ChatOps.Web.Dashboard;

/// <summary>Rejects wrong dashboard values at start with one line naming the key.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        const string s = DashboardOptions.SectionName;
        List<string> errors = [];
        if (options.MirrorCapacity is < 10 or > 100_000)
            errors.Add($"{s}:MirrorCapacity must be between 10 and 100000 (got {options.MirrorCapacity}).");
        if (options.RenderInterval < TimeSpan.FromMilliseconds(20) || options.RenderInterval > TimeSpan.FromSeconds(5))
            errors.Add($"{s}:RenderInterval must be between 00:00:00.020 and 00:00:05 (got {options.RenderInterval}).");
        if (options.HubInterval < TimeSpan.Zero || options.HubInterval > TimeSpan.FromSeconds(1))
            errors.Add($"{s}:HubInterval must be between 0 and 00:00:01 (got {options.HubInterval}).");
        if (options.ChartSampleInterval < TimeSpan.FromSeconds(1))
            errors.Add($"{s}:ChartSampleInterval must be at least 1 second (got {options.ChartSampleInterval}).");
        if (options.ChartWindow < options.ChartSampleInterval * 2)
            errors.Add($"{s}:ChartWindow must hold at least two samples (got {options.ChartWindow}).");
        if (options.UnfinishedLineWarning <= TimeSpan.Zero)
            errors.Add($"{s}:UnfinishedLineWarning must be positive (got {options.UnfinishedLineWarning}).");
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && Clock.DisplayClock.TryFind(options.TimeZone) is null)
            errors.Add($"{s}:TimeZone must be an IANA time zone this machine knows, e.g. Europe/Paris (got {options.TimeZone}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
