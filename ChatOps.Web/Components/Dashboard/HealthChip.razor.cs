using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>
/// Runs the host's health checks (the ones <c>/healthz</c> runs: engine, history, disk) when the tab opens and every
/// <see cref="Interval"/>, and shows the result. A check costs microseconds (a flag, a record, a free-space call).
/// </summary>
public sealed partial class HealthChip
{
    /// <summary>5 s: a stopped engine or a full disk shows within a glance; a busy dashboard tab pays nothing noticeable.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private HealthReport? _report;

    [Parameter]
    public TimeSpan Interval { get; set; } = DefaultInterval;

    protected override void OnAfterRender(bool firstRender)
    {
        // After the first interactive render, not during prerendering: a prerendered page is thrown away at once.
        if (firstRender && Services.GetService<HealthCheckService>() is { } health)
            _ = RefreshAsync(health, _stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    internal static string Details(HealthReport report) => string.Join("; ", report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
        .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}: {e.Value.Status.ToString().ToLowerInvariant()}{(e.Value.Description is { } d ? $" ({d})" : "")}")));

    private static Color ColorOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => Color.Success,
        HealthStatus.Degraded => Color.Warning,
        _ => Color.Error,
    };

    private static string IconOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => Icons.Material.Filled.CheckCircle,
        HealthStatus.Degraded => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Error,
    };

    // The loop ends with the component; nothing it does may escape as an unobserved exception.
    private async Task RefreshAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Interval);
            do
            {
                _report = await health.CheckHealthAsync(cancellationToken);
                await InvokeAsync(StateHasChanged);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The tab was closed: its circuit and this loop end together.
        }
    }
}
