using System.Net;
using Bunit;
using ChatOps.History.Audit;
using ChatOps.Tests.History;
using ChatOps.Web.Components.Dashboard;
using ChatOps.Web.Records;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChatOps.Tests.Cluster;

/// <summary>The Cluster panel on host B kicks a connection host A holds: A closes it with a kick's notice, B audits it.</summary>
public sealed class ClusterPanelKickTests : BunitContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Kicking_host_As_connection_from_host_Bs_panel_closes_it_on_A_and_is_audited_on_B()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostA = await ClusterHost.StartAsync("host-a", redis);
        await using var hostB = await ClusterHost.StartAsync("host-b", redis);
        await using var history = await HistoryHost.StartAsync(_folder.Path);
        await Task.WhenAll(hostA.Control.Listening, hostB.Control.Listening);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(hostB.Presence);
        Services.AddSingleton(hostB.Link);
        Services.AddSingleton(hostB.Control.Roster);
        Services.AddSingleton(new Moderation(hostB.Server, TimeProvider.System, history.Audit, clusterKicks: hostB.Control.Kicks));
        Assert.True(await hostA.Control.Roster.SetAsync("127.0.0.2", null, "Alice Martin", null, "teacher"));

        var panel = Render<ClusterPanel>();
        var student = await hostA.ConnectAsync(IPAddress.Parse("127.0.0.2"));
        var endpoint = $"127.0.0.2:{student.LocalEndPoint.Port}";
        var row = $".cluster-connections tr[data-host='host-a'][data-endpoint='{endpoint}']";
        panel.WaitForAssertion(() => Assert.Equal("Alice Martin", panel.Find($"{row} .name").TextContent), Wait);

        await panel.Find($"{row} .kick-button").ClickAsync(new());

        Assert.Contains("* disconnected by the teacher", await student.ReadToEndAsync(Wait));
        var kick = Assert.Single((await history.Audit.ListAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken)).Items,
            r => r.Entry.Action == AuditAction.Kick).Entry;
        Assert.Equal($"{endpoint} on host-a", kick.Target);
    }

    protected override void Dispose(bool disposing)
    {
        _folder.Dispose();
        base.Dispose(disposing);
    }
}
