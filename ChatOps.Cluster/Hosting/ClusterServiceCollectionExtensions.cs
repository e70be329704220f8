using ChatOps.Cluster.Bus;
using ChatOps.Cluster.Control;
using ChatOps.Cluster.Options;
using ChatOps.Cluster.Presence;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Cluster.Hosting;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Cluster:Redis</c> set, every room's fan-out goes through a Redis stream shared with the other hosts
    /// (<see cref="ClusterOptions"/>, docs/cluster.md); without it, nothing is added and the rooms relay in process.
    /// Call before <c>AddChatEngine</c> resolves the rooms (any time before the host is built).
    /// </summary>
    public static IServiceCollection AddChatOpsCluster(this IServiceCollection services, IConfiguration configuration)
    {
        if (!ClusterOptions.IsConfigured(configuration))
            return services;
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddSingleton(sp => RedisLink.Connect(
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value, sp.GetRequiredService<ILoggerFactory>().CreateLogger<RedisLink>()));
        services.TryAddSingleton<ClusterBuses>();
        services.TryAddSingleton<Func<string, IChatBus>>(sp => sp.GetRequiredService<ClusterBuses>().For);
        services.TryAddSingleton(sp => new ClusterArret(
            sp.GetRequiredService<ChatServer>(), sp.GetRequiredService<RedisLink>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<ClusterArret>()));
        services.TryAddSingleton(sp => new ClusterPresence(sp.GetRequiredService<ChatServer>(), sp.GetRequiredService<RedisLink>(), sp.GetService<TimeProvider>()));
        services.AddClusterControl();
        services.AddHostedService<ClusterHostedService>();
        return services;
    }

    // Kicks, bans, mode and roster across hosts (docs/cluster.md, "Control across hosts").
    private static void AddClusterControl(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ClusterBans(sp.GetRequiredService<RedisLink>(), Logger<ClusterBans>(sp), sp.GetService<TimeProvider>()));
        // The door of a host without its own check (chatops serve); the web host chains its ban list after it (ClusterAdmission).
        services.TryAddSingleton<IConnectionAdmission>(sp => sp.GetRequiredService<ClusterBans>());
        services.TryAddSingleton(sp => new BannedConnections(sp.GetRequiredService<ChatServer>(), sp.GetRequiredService<ClusterBans>(), Logger<BannedConnections>(sp)));
        services.TryAddSingleton(sp => new ClusterKicks(sp.GetRequiredService<ChatServer>(), sp.GetRequiredService<RedisLink>(), Logger<ClusterKicks>(sp)));
        services.TryAddSingleton(sp => new ClusterModes(sp.GetRequiredService<ChatServer>(), sp.GetRequiredService<RedisLink>(), Logger<ClusterModes>(sp),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton(sp => new ClusterRoster(sp.GetRequiredService<RedisLink>(), Logger<ClusterRoster>(sp)));
    }

    private static ILogger Logger<T>(IServiceProvider sp) => sp.GetRequiredService<ILoggerFactory>().CreateLogger<T>();
}
