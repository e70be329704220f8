using System.Diagnostics.Metrics;
using ChatOps.TcpEngine.Metrics;
using ChatOps.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ChatOps.Web.Metrics;

/// <summary>
/// The instruments, exported by OpenTelemetry in Prometheus' text format at <c>/metrics</c>: for the server's machine
/// and the signed-in teacher, or anyone with <c>Metrics:AllowFromNetwork</c> (docs/operations.md).
/// </summary>
internal static class MetricsEndpoints
{
    public const string Path = "/metrics";

    /// <summary>Register before the engine (its counters follow the events from the first client on).</summary>
    public static IServiceCollection AddChatOpsMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        services.AddSingleton(options);
        if (!options.Enabled)
            return services;
        services.AddChatEngineMetrics();
        services.TryAddSingleton<DashboardCircuits>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCounter>());
        services.TryAddSingleton<WebMetrics>();
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("chatops")).WithMetrics(metrics => metrics
            .AddMeter(EngineMetrics.MeterName, WebMetrics.WebMeterName, WebMetrics.HistoryMeterName)
            // Each scrape reads the figures now: a cached answer would hide what a monitor polls for.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        services.ConfigureOpenTelemetryMeterProvider((sp, builder) =>
        {
            // Observable instruments exist once made: the web and history ones are made with the exporter.
            sp.GetRequiredService<WebMetrics>();
            builder.AddView(OnlyThisHost(sp.GetRequiredService<IMeterFactory>()));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapChatOpsMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<MetricsOptions>();
        if (!options.Enabled)
            return endpoints;
        var access = new AuthorizationPolicyBuilder()
            .RequireAssertion(c => options.AllowFromNetwork || c.User.Identity?.IsAuthenticated == true
                || (c.Resource is HttpContext http && ServerMachine.IsSelf(http.Connection.RemoteIpAddress)))
            .Build();
        endpoints.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(access);
        return endpoints;
    }

    // Meters are process-wide and OpenTelemetry listens by name: two hosts in one process (the tests run several) would
    // each export the other's figures. Meters made by another host's factory are left out.
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory mine) =>
        instrument => instrument.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, mine) ? MetricStreamConfiguration.Drop : null;
}
