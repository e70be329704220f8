using ChatOps.Cluster.Control;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Cluster.Hosting;

/// <summary>Starts the cluster's control (arret across hosts) with the host, and ends it before the rooms are disposed.</summary>
internal sealed class ClusterHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ClusterArret>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
