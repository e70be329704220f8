using System.Net;
using ChatOps.Cluster.Control;
using ChatOps.Cluster.Presence;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cluster;

/// <summary>Kicks, bans, mode and roster across hosts, with real TCP clients and a real redis-server.</summary>
public sealed class ClusterControlTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly IPAddress Student = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Banned = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task A_kick_and_a_ban_on_host_A_act_on_host_C()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostA = await ClusterHost.StartAsync("host-a", redis);
        await using var hostB = await ClusterHost.StartAsync("host-b", redis);
        await using var hostC = await ClusterHost.StartAsync("host-c", redis);
        await Task.WhenAll(hostA.Control.Listening, hostB.Control.Listening, hostC.Control.Listening);
        var kicked = await hostC.ConnectAsync(Student);
        var bannedOnC = await hostC.ConnectAsync(Banned);
        var bannedOnB = await hostB.ConnectAsync(Banned);
        var stays = await hostC.ConnectAsync(IPAddress.Parse("127.0.0.4"));

        // Host A's dashboard knows host C's connection from C's heartbeat, as its Cluster panel does.
        var seen = await SeenFromAsync(hostA, "host-c", kicked.LocalEndPoint.Port);
        Assert.True(await hostA.Control.Kicks.KickAsync("host-c", new KickRequest(seen.SessionId, seen.Ip, seen.Port, "teacher", "host-a")));
        var kickedLines = await kicked.ReadToEndAsync(Wait);
        Assert.Contains("* disconnected by the teacher", kickedLines);

        Assert.True(await hostA.Control.Bans.BanAsync("127.0.0.3", null, "teacher", "copied the answers"));
        Assert.Contains("* disconnected by the teacher: banned", await bannedOnC.ReadToEndAsync(Wait));
        Assert.Contains("* disconnected by the teacher: banned", await bannedOnB.ReadToEndAsync(Wait));
        await using (var again = await TcpTestClient.ConnectAsync(hostC.Engine.LocalEndPoint!, from: Banned))
            Assert.Contains("* 127.0.0.3 is banned from this server", await again.ReadToEndAsync(Wait));

        // The others stay; lifting the ban on C lets the address in on A.
        Assert.Equal(stays.LocalEndPoint.Port, Assert.Single(hostC.Engine.GetSessions()).Port);
        Assert.True(await hostC.Control.Bans.UnbanAsync("127.0.0.3"));
        await Eventually.HoldsAsync(() => hostA.Control.Bans.Find("127.0.0.3") is null, "the unban reaches host A", Wait);
        await using var back = await TcpTestClient.ConnectAsync(hostA.Engine.LocalEndPoint!, from: Banned);
        Assert.DoesNotContain("banned", await back.ReadLineAsync(Wait), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mode_change_on_host_A_reaches_host_B_with_its_auto_reply()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostA = await ClusterHost.StartAsync("host-a", redis);
        await using var hostB = await ClusterHost.StartAsync("host-b", redis);
        await Task.WhenAll(hostA.Control.Listening, hostB.Control.Listening);
        var client = await hostB.ConnectAsync(Student);
        var applied = Applied(hostB);

        await hostA.Engine.SwitchModeAsync(ChatMode.Sync, "teacher", TestContext.Current.CancellationToken);

        Assert.Equal(ChatMode.Sync, (await applied.WaitAsync(Wait, TestContext.Current.CancellationToken)).Mode);
        Assert.Equal(ChatMode.Sync, hostB.Engine.Mode);
        Assert.Contains(await client.ReadToEndAsync(Wait), l => l.StartsWith("* the server restarts in", StringComparison.Ordinal));
        Assert.Equal("host-a", (await hostB.Control.Modes.SettingAsync("main"))?.HostId);

        applied = Applied(hostB);
        hostA.Engine.AutoReply = AutoReply.Echo;
        Assert.True(await hostA.Control.Modes.ShareAsync(hostA.Engine));
        Assert.Equal(AutoReply.Echo, (await applied.WaitAsync(Wait, TestContext.Current.CancellationToken)).AutoReply);
        Assert.Equal(AutoReply.Echo, hostB.Engine.AutoReply);
        Assert.Equal(ChatMode.Sync, hostA.Engine.Mode); // not sent back and forth
    }

    [Fact]
    public async Task A_name_given_on_host_A_shows_on_host_C()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostA = await ClusterHost.StartAsync("host-a", redis);
        await using var hostC = await ClusterHost.StartAsync("host-c", redis);
        await Task.WhenAll(hostA.Control.Listening, hostC.Control.Listening);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hostC.Control.Roster.Changed += () => changed.TrySetResult();

        Assert.True(await hostA.Control.Roster.SetAsync("127.0.0.2", null, "Alice Martin", "B12", "teacher"));

        await changed.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        var name = hostC.Control.Roster.Find("127.0.0.2", 40000);
        Assert.Equal(("Alice Martin", "B12", "host-a"), (name?.Name, name?.Seat, name?.HostId));
        Assert.Null(hostC.Control.Roster.Find("127.0.0.9", null));
    }

    [Fact]
    public async Task A_host_cut_from_Redis_reads_bans_and_mode_again_when_it_returns_and_shares_the_ban_it_made_meanwhile()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var cut = new RedisCut(redis);
        await using var hostA = await ClusterHost.StartAsync("host-a", redis);
        await using var hostB = await ClusterHost.StartAsync("host-b", redis, through: cut.ConnectionString);
        await Task.WhenAll(hostA.Control.Listening, hostB.Control.Listening, hostB.WhenRedisAsync(true));

        cut.Cut();
        await hostB.WhenRedisAsync(false).WaitAsync(Wait, TestContext.Current.CancellationToken);
        Assert.True(await hostA.Control.Bans.BanAsync("127.0.0.3", DateTimeOffset.UtcNow.AddHours(1), "teacher"));
        await hostA.Engine.SwitchModeAsync(ChatMode.Echo, "teacher", TestContext.Current.CancellationToken);
        Assert.False(await hostB.Control.Bans.BanAsync("127.0.0.5", null, "teacher-b"));
        Assert.Null(hostB.Control.Bans.Find("127.0.0.3"));
        Assert.Equal(ChatMode.Relay, hostB.Engine.Mode);
        // Banned on B at once, though Redis did not hear of it.
        await using (var refused = await TcpTestClient.ConnectAsync(hostB.Engine.LocalEndPoint!, from: IPAddress.Parse("127.0.0.5")))
            Assert.Contains("* 127.0.0.5 is banned from this server", await refused.ReadToEndAsync(Wait));
        var applied = Applied(hostB);
        var bannedOnB = BannedOn(hostB, "127.0.0.3");
        var bannedOnA = BannedOn(hostA, "127.0.0.5");

        cut.Restore();

        Assert.Equal(ChatMode.Echo, (await applied.WaitAsync(Wait, TestContext.Current.CancellationToken)).Mode);
        Assert.Equal(ChatMode.Echo, hostB.Engine.Mode);
        Assert.Equal("teacher", (await bannedOnB.WaitAsync(Wait, TestContext.Current.CancellationToken)).By);
        Assert.Equal(("teacher-b", "host-b"), await bannedOnA.WaitAsync(Wait, TestContext.Current.CancellationToken) is var b ? (b.By, b.HostId) : default);
        Assert.NotNull(hostB.Control.Bans.Find("127.0.0.5"));
    }

    private static async Task<HostConnection> SeenFromAsync(ClusterHost viewer, string hostId, int port)
    {
        // Heartbeats raise no event here: read them as the panel does, until the connection shows.
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var hosts = await viewer.Presence.HostsAsync();
            if (hosts.FirstOrDefault(h => h.HostId == hostId)?.Summary?.Connections.FirstOrDefault(c => c.Port == port) is { } seen)
                return seen;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{viewer.HostId} does not see {hostId}'s connection on port {port}");
            await Task.Delay(50);
        }
    }

    private static Task<RoomSetting> Applied(ClusterHost host)
    {
        var done = new TaskCompletionSource<RoomSetting>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Control.Modes.Applied += (_, setting) => done.TrySetResult(setting);
        return done.Task;
    }

    private static Task<ClusterBan> BannedOn(ClusterHost host, string ip)
    {
        var done = new TaskCompletionSource<ClusterBan>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Control.Bans.Banned += ban =>
        {
            if (ban.Ip == ip)
                done.TrySetResult(ban);
        };
        return done.Task;
    }
}
