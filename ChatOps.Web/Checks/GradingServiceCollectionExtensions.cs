using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Checks;

internal static class GradingServiceCollectionExtensions
{
    /// <summary>The Checks page: its options (the <c>Grading</c> section, validated at start) and one board per circuit.</summary>
    public static IServiceCollection AddGrading(this IServiceCollection services)
    {
        services.AddOptions<GradingOptions>().BindConfiguration(GradingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GradingOptions>, GradingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<GradingBoard>();
        return services;
    }
}
