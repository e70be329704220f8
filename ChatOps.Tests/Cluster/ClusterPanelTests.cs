using System.Net;
using Bunit;
using ChatOps.Web.Components.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChatOps.Tests.Cluster;

/// <summary>The dashboard's cluster panel on host B, against a real redis-server: host A's connections, and a banner while Redis is away.</summary>
public sealed class ClusterPanelTests : BunitContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Host_Bs_dashboard_lists_host_As_connections_and_says_when_Redis_does_not_answer()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostA = await ClusterHost.StartAsync("host-a", redis);
        await using var hostB = await ClusterHost.StartAsync("host-b", redis);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(hostB.Presence);
        Services.AddSingleton(hostB.Link);

        var panel = Render<ClusterPanel>();
        var student = await hostA.ConnectAsync(IPAddress.Parse("127.0.0.2"));
        var endpoint = $"127.0.0.2:{student.LocalEndPoint.Port}";

        panel.WaitForAssertion(() => Assert.Contains(panel.FindAll(".cluster-connections tr"),
            r => r.GetAttribute("data-host") == "host-a" && r.GetAttribute("data-endpoint") == endpoint), Wait);
        Assert.Equal(["host-a", "host-b"], panel.FindAll(".cluster-hosts tr.host-alive").Select(r => r.GetAttribute("data-host")));
        Assert.Empty(panel.FindAll("#cluster-redis-down"));

        await redis.KillAsync();
        panel.WaitForAssertion(() => panel.Find("#cluster-redis-down"), Wait);
    }
}
