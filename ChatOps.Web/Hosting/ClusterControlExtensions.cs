using ChatOps.Cluster.Control;
using ChatOps.History.Bans;
using ChatOps.TcpEngine.Admission;
using ChatOps.Web.Records;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Web.Hosting;

internal static class ClusterControlExtensions
{
    /// <summary>
    /// With <c>Cluster:Redis</c> (after <c>AddChatOpsCluster</c> and <c>AddChatHistory</c>): the door checks the cluster's
    /// bans, then this host's ban list; a ban lifted anywhere is lifted here; the roster is shared. Without it, nothing.
    /// </summary>
    public static IServiceCollection AddClusterControlRecords(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(ClusterBans)))
            return services;
        services.Replace(ServiceDescriptor.Singleton<IConnectionAdmission>(sp =>
            new ClusterAdmission(sp.GetRequiredService<ClusterBans>(), sp.GetRequiredService<BanList>())));
        services.TryAddSingleton<RosterSharing>();
        services.AddHostedService<ClusterRecords>();
        return services;
    }
}
