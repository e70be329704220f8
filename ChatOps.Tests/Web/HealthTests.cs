using System.Net;
using System.Text.Json;
using ChatOps.History.Status;
using ChatOps.History.Writing;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using ChatOps.Web.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Tests.Web;

/// <summary><c>/healthz</c> on the real host: the status for anyone, the details for the signed-in teacher.</summary>
public sealed class HealthTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_gets_the_status_and_nothing_more()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        using var http = SignIn.Client(new Uri(factory.ServerAddress()), new CookieContainer());

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_teacher_gets_each_check_with_its_figures()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        var baseAddress = new Uri(factory.ServerAddress());
        using var http = SignIn.Client(baseAddress, await SignIn.WithPasswordAsync(baseAddress, ChatOpsWebFactory.Password));

        using var report = JsonDocument.Parse(await http.GetStringAsync(new Uri("/healthz", UriKind.Relative), Ct));

        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(["disk", "engine", "history"], checks.EnumerateObject().Select(c => c.Name).Order());
        var engine = factory.Services.GetRequiredService<ChatServer>().Rooms[0];
        Assert.Equal(engine.LocalEndPoint!.Port, checks.GetProperty("engine").GetProperty("data").GetProperty("port").GetInt32());
        Assert.Equal(0, checks.GetProperty("history").GetProperty("data").GetProperty("pending").GetInt32());
        Assert.True(checks.GetProperty("disk").GetProperty("data").GetProperty("freeBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task A_stopped_engine_makes_the_host_unhealthy()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        using var http = SignIn.Client(new Uri(factory.ServerAddress()), new CookieContainer());
        await factory.Services.GetRequiredService<ChatServer>().Rooms[0].StopAsync(cancellationToken: Ct);

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_history_that_cannot_be_written_makes_the_host_unhealthy()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        using var http = SignIn.Client(new Uri(factory.ServerAddress()), new CookieContainer());
        // Everything so far written first: a write after the fault would clear it (nothing else happens on this host).
        await factory.Services.GetRequiredService<HistoryWriter>().FlushAsync().WaitAsync(LineReader.DefaultTimeout, Ct);
        factory.Services.GetRequiredService<HistoryStatus>().ReportFault("disk I/O error", 12, DateTimeOffset.UtcNow);

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public void A_history_that_fails_is_unhealthy_and_one_that_lags_is_degraded()
    {
        var healthy = new HistoryStatus("/data/chatops.db").Current;
        Assert.Equal(HealthStatus.Healthy, HistoryHealthCheck.Evaluate(healthy).Status);
        Assert.Equal(HealthStatus.Degraded, HistoryHealthCheck.Evaluate(healthy with { Pending = HistoryHealthCheck.LagLimit + 1 }).Status);
        var failed = HistoryHealthCheck.Evaluate(healthy with { IsFaulted = true, LastError = "disk I/O error" });
        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Contains("disk I/O error", failed.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50L << 20, HealthStatus.Unhealthy)]
    [InlineData(500L << 20, HealthStatus.Degraded)]
    [InlineData(5L << 30, HealthStatus.Healthy)]
    public void Free_disk_space_below_a_gigabyte_degrades_and_below_100_megabytes_fails(long freeBytes, HealthStatus expected) =>
        Assert.Equal(expected, DiskSpaceHealthCheck.Evaluate(freeBytes).Status);
}
