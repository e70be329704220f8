using Bunit;
using ChatOps.Tests.Support;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Tests.Web;

/// <summary>The status bar's health chip: the worst of the host's checks, refreshed, each check in its details.</summary>
public sealed class HealthChipTests : DashboardTest
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;
    private HealthCheckResult _history = HealthCheckResult.Healthy("writing chatops.db");

    // The host's engine check, on the live engine; the history's, played by a check the test sets.
    protected override void AddServices(IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<EngineHealthCheck>("engine")
            .AddCheck("history", new DelegateCheck(() => _history));

    [Fact]
    public async Task Shows_the_worst_check_and_follows_the_checks_as_they_change()
    {
        var chip = Render<HealthChip>(p => p.Add(c => c.Interval, TimeSpan.FromMilliseconds(50)));

        chip.WaitForAssertion(() => Assert.Equal("healthy", chip.Find("#health").GetAttribute("data-status")), Timeout);
        Assert.Contains("engine: healthy (listening on 127.0.0.1:", chip.Find("#health").GetAttribute("aria-label"), StringComparison.Ordinal);

        _history = HealthCheckResult.Degraded("12000 events wait to be written");
        chip.WaitForAssertion(() => Assert.Equal("degraded", chip.Find("#health").TextContent.Trim()), Timeout);
        Assert.Contains("history: degraded (12000 events wait to be written)", chip.Find("#health").GetAttribute("aria-label"), StringComparison.Ordinal);

        await Engine.StopAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken);
        chip.WaitForAssertion(() => Assert.Equal("unhealthy", chip.Find("#health").GetAttribute("data-status")), Timeout);
        Assert.Contains("engine: unhealthy (stopped", chip.Find("#health").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_bar_carries_the_chip()
    {
        var bar = Render<StatusBar>();

        bar.WaitForAssertion(() => Assert.Equal("healthy", bar.Find("#status-bar #health").GetAttribute("data-status")), Timeout);
    }

    private sealed class DelegateCheck(Func<HealthCheckResult> result) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(result());
    }
}
