using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.TcpEngine.Metrics;

public static class EngineMetricsServiceCollectionExtensions
{
    /// <summary>
    /// The engine's instruments. Register before <c>AddChatEngine</c>: hosted services start in order, and the counters
    /// follow the events from the first client on. The host provides <c>IMeterFactory</c> (every .NET host does) and exports
    /// the meter <see cref="EngineMetrics.MeterName"/> with OpenTelemetry.
    /// </summary>
    public static IServiceCollection AddChatEngineMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<EngineMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineMetrics>());
        return services;
    }
}
