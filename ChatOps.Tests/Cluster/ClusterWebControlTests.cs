using ChatOps.Cluster.Control;
using ChatOps.History.Audit;
using ChatOps.History.Bans;
using ChatOps.History.Roster;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using ChatOps.Tests.Web;
using ChatOps.Web.Records;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// Two real web hosts on one redis-server: the dashboard's ban on one refuses the address on the other, lifting it on
/// the other lifts it on the first (its own ban list included), and a name given on one is the other's too.
/// </summary>
public sealed class ClusterWebControlTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ban_and_a_name_given_on_web_host_A_hold_on_web_host_B_and_an_unban_on_B_lifts_As_own_ban()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var webA = Host(redis, "host-a");
        await using var webB = Host(redis, "host-b");
        webA.StartServer();
        webB.StartServer();
        var engineA = await StartAsync(webA);
        var engineB = await StartAsync(webB);
        Assert.IsType<ClusterAdmission>(webB.Services.GetRequiredService<IConnectionAdmission>());
        await using var open = await TcpTestClient.ConnectAsync(engineB.LocalEndPoint!);
        await open.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));

        await webA.Services.GetRequiredService<Moderation>().BanAsync("127.0.0.1", TimeSpan.FromMinutes(10), "teacher", "spam", cancellationToken: Ct);

        Assert.Contains(await open.ReadToEndAsync(Wait), l => l.Contains("disconnected by the teacher: banned", StringComparison.Ordinal));
        await using (var refused = await TcpTestClient.ConnectAsync(engineB.LocalEndPoint!))
            Assert.Contains(await refused.ReadToEndAsync(Wait), l => l.Contains("127.0.0.1 is banned from this server", StringComparison.Ordinal));

        // What the Bans panel on B does for a ban made elsewhere.
        Assert.False(await webB.Services.GetRequiredService<BanList>().UnbanAsync("127.0.0.1", "teacher-b", cancellationToken: Ct));
        Assert.True(await webB.Services.GetRequiredService<ClusterBans>().UnbanAsync("127.0.0.1"));
        var bansA = webA.Services.GetRequiredService<BanList>();
        await Eventually.HoldsAsync(() => !bansA.IsBanned("127.0.0.1"), "host A lifts its own ban", Wait);
        await using (var welcome = await TcpTestClient.ConnectAsync(engineA.LocalEndPoint!))
            await welcome.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        var audit = (await webA.Services.GetRequiredService<AuditLog>().ListAsync(0, 10, Ct)).Items.Select(r => r.Entry).ToList();
        Assert.Contains(audit, e => e is { Action: AuditAction.Unban, Actor: "cluster", Target: "127.0.0.1" });

        var rosterB = webB.Services.GetRequiredService<ClassRoster>();
        await webA.Services.GetRequiredService<ClassRoster>().SetAsync(new RosterRow("10.0.0.9", null, "Alice Martin"), "teacher", cancellationToken: Ct);
        await Eventually.HoldsAsync(() => rosterB.Find("10.0.0.9", 5000)?.Name == "Alice Martin", "host B knows the name given on A", Wait);
    }

    private static ChatOpsWebFactory Host(RedisServer redis, string hostId) => new(new Dictionary<string, string?>
    {
        ["Cluster:Redis"] = redis.ConnectionString,
        ["Cluster:HostId"] = hostId,
    });

    private static async Task<ChatEngine> StartAsync(ChatOpsWebFactory web)
    {
        var engine = web.Services.GetRequiredService<ChatServer>().Rooms[0];
        if (!engine.IsRunning)
            await engine.StartAsync(Ct);
        await Task.WhenAll(web.Services.GetRequiredService<ClusterBans>().Listening, web.Services.GetRequiredService<ClusterRoster>().Listening);
        return engine;
    }
}
