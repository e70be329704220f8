using ChatOps.Cluster.Options;
using ChatOps.Cluster.Redis;
using ChatOps.Web.Hubs;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace ChatOps.Web.Cluster;

internal static class WebClusterServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Cluster:Redis</c>: the hub's Redis backplane (every host's events reach every host's hub clients), and one
    /// sign-in for the cluster (the data-protection keys that seal the cookies, and the sign-in stamp, in Redis). Without
    /// it, nothing is added. Call after <c>AddChatOpsAuth</c> and <c>AddChatOpsCluster</c> (docs/cluster.md).
    /// </summary>
    public static IServiceCollection AddChatOpsWebCluster(this IServiceCollection services, IConfiguration configuration)
    {
        if (!ClusterOptions.IsConfigured(configuration))
            return services;

        // Only this hub: Blazor's circuits are hub connections too, and each would subscribe in Redis (and wait for it to
        // connect) for nothing; the dashboard must open while Redis is down.
        services.TryAddSingleton<HubLifetimeManager<ChatOpsHub>, HubBackplaneLifetime>();
        services.AddOptions<RedisOptions>().Configure<RedisLink>((redis, link) => redis.Configuration = BackplaneConfiguration(link.Options));
        services.TryAddSingleton<HubBackplane>();

        // After AddChatOpsAuth's key folder: this repository replaces it, so a cookie sealed by one host opens on all.
        services.AddOptions<KeyManagementOptions>().Configure<RedisLink>((keys, link) =>
            keys.XmlRepository = new RedisXmlRepository(() => link.Database, $"{link.Options.KeyPrefix}:web:keys"));

        services.TryAddSingleton<SharedSessionStamp>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedSessionStamp>());
        return services;
    }

    // The backplane's own connection, with the cluster's timeouts (RedisLink): SignalR disposes it, and its channel
    // prefix must not apply to the cluster's other channels.
    private static ConfigurationOptions BackplaneConfiguration(ClusterOptions options)
    {
        var config = ConfigurationOptions.Parse(options.Redis!);
        var ms = (int)options.HangTimeout.TotalMilliseconds;
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = ms;
        config.AsyncTimeout = ms;
        config.SyncTimeout = ms;
        config.ReconnectRetryPolicy = new LinearRetry(500);
        config.ClientName = $"chatops-{options.HostId}-hub";
        config.ChannelPrefix = RedisChannel.Literal($"{options.KeyPrefix}:hub:");
        return config;
    }
}
