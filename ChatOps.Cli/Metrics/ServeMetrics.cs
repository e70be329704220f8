using System.Globalization;
using ChatOps.TcpEngine.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ChatOps.Cli.Metrics;

/// <summary>
/// <c>chatops serve --metrics-port N</c> (or <c>Metrics:Port</c>): the engine's instruments in Prometheus' text format at
/// <c>http://127.0.0.1:N/metrics</c>. Loopback only: the headless server has no sign-in to put in front of it.
/// </summary>
internal static class ServeMetrics
{
    public const string PortKey = "Metrics:Port";

    /// <summary>Nothing without a port. Register before the engine, so its counters follow the events from the first client on.</summary>
    public static IServiceCollection AddServeMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[PortKey] is not { } text)
            return services;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new InvalidOperationException($"{PortKey} must be a port number from 1 to 65535, not '{text}'.");
        services.AddChatEngineMetrics();
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("chatops")).WithMetrics(metrics => metrics
            .AddMeter(EngineMetrics.MeterName)
            .AddPrometheusHttpListener(o =>
            {
                o.Host = "127.0.0.1";
                o.Port = port;
                o.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        return services;
    }
}
