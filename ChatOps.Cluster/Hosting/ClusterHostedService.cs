using ChatOps.Cluster.Control;
using ChatOps.Cluster.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Cluster.Hosting;

/// <summary>Starts the cluster's control (arret across hosts) and this host's heartbeat with the host.</summary>
internal sealed class ClusterHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ClusterArret>();
        services.GetRequiredService<ClusterPresence>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
