using ChatOps.Cluster.Control;
using ChatOps.Cluster.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Cluster.Hosting;

/// <summary>Starts the cluster's control (arret, kicks, bans, mode and roster across hosts) and this host's heartbeat with the host.</summary>
internal sealed class ClusterHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ClusterArret>();
        services.GetRequiredService<ClusterPresence>();
        services.GetRequiredService<BannedConnections>();
        services.GetRequiredService<ClusterKicks>();
        services.GetRequiredService<ClusterModes>();
        services.GetRequiredService<ClusterRoster>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
