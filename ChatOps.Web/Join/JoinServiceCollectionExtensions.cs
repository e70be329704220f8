using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Web.Join;

internal static class JoinServiceCollectionExtensions
{
    /// <summary>The join page's rooms and client downloads, and the projector's address of the join page.</summary>
    public static IServiceCollection AddJoinPage(this IServiceCollection services)
    {
        services.AddOptions<JoinOptions>().BindConfiguration(JoinOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JoinRooms>();
        services.TryAddSingleton<ClientFolder>();
        services.TryAddSingleton<JoinAddress>();
        return services;
    }
}
