using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Web.Health;

/// <summary>
/// <c>/healthz</c>: the engine listens, the history is written and keeps up, the data folder's disk has room. Anyone may
/// ask (a monitor has no cookie) and gets only the overall status; the signed-in teacher also gets each check, its
/// description and figures. 200 when healthy or degraded, 503 when unhealthy.
/// </summary>
internal static class HealthEndpoints
{
    public const string Path = "/healthz";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IServiceCollection AddChatOpsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<EngineHealthCheck>("engine")
            .AddCheck<HistoryHealthCheck>("history")
            .AddCheck<DiskSpaceHealthCheck>("disk");
        return services;
    }

    public static IEndpointRouteBuilder MapChatOpsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync(report.Status.ToString());
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }, Json));
    }
}
