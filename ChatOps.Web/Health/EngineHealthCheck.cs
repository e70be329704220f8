using ChatOps.TcpEngine.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Web.Health;

/// <summary>The chat engine listens. A stopped engine (an arret, the stop button) is unhealthy: students cannot connect.</summary>
internal sealed class EngineHealthCheck(ChatEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (engine.IsRunning && engine.LocalEndPoint is { } endpoint)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"listening on {endpoint} ({engine.Mode.ToString().ToLowerInvariant()} mode)",
                new Dictionary<string, object> { ["port"] = endpoint.Port, ["clients"] = engine.GetSessions().Count }));
        }
        var why = engine.LastStop is { } stop ? $"stopped ({stop.Reason.ToString().ToLowerInvariant()} by {stop.By})" : "not started";
        return Task.FromResult(HealthCheckResult.Unhealthy(why));
    }
}
