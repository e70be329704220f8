using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ChatOps.Web.Metrics;

/// <summary>Blazor makes one per circuit: it tells <see cref="DashboardCircuits"/> when its circuit opens and closes.</summary>
internal sealed class CircuitCounter(DashboardCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed();
        return Task.CompletedTask;
    }
}
