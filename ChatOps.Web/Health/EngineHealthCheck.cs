using ChatOps.TcpEngine.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Web.Health;

/// <summary>
/// The rooms listen. Every room listening is healthy; some stopped (a room's arret, its stop button) is degraded, since
/// the other exercises go on; none listening is unhealthy: students cannot connect.
/// </summary>
internal sealed class EngineHealthCheck(ChatServer server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var listening = 0;
        var parts = new List<string>();
        foreach (var room in server.Rooms)
        {
            var several = server.Rooms.Count > 1;
            var name = several ? $"{room.Name}: " : "";
            var key = several ? $"{room.Name}." : "";
            if (room.IsRunning && room.LocalEndPoint is { } endpoint)
            {
                listening++;
                data[key + "port"] = endpoint.Port;
                data[key + "clients"] = room.ClientCount;
                parts.Add($"{name}listening on {endpoint} ({room.Mode.ToString().ToLowerInvariant()} mode)");
            }
            else
            {
                parts.Add(name + (room.LastStop is { } stop ? $"stopped ({stop.Reason.ToString().ToLowerInvariant()} by {stop.By})" : "not started"));
            }
        }
        var description = string.Join("; ", parts);
        var result = listening == server.Rooms.Count ? HealthCheckResult.Healthy(description, data)
            : listening > 0 ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Unhealthy(description, data: data);
        return Task.FromResult(result);
    }
}
