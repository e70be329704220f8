using ChatOps.History.Audit;
using ChatOps.History.Bans;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using ChatOps.Web.Records;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>
/// A ban from the dashboard, through the real host: loopback is the only address tests have, and unlike the per-IP
/// limit a ban must hold for it too.
/// </summary>
public sealed class BanFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Banning_an_ip_closes_its_connections_and_refuses_new_ones_with_a_notice()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        var engine = factory.Services.GetRequiredService<ChatServer>().Rooms[0];
        await engine.StartAsync(Ct);
        await using var open = await TcpTestClient.ConnectAsync(engine.LocalEndPoint!);
        await open.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));

        var kicked = await factory.Services.GetRequiredService<Moderation>().BanAsync("127.0.0.1", TimeSpan.FromMinutes(10), "teacher", "spam", cancellationToken: Ct);

        Assert.Equal(1, kicked);
        Assert.Contains(await open.ReadToEndAsync(), l => l.Contains("disconnected by the teacher", StringComparison.Ordinal));
        await using var refused = await TcpTestClient.ConnectAsync(engine.LocalEndPoint!);
        Assert.Contains(await refused.ReadToEndAsync(), l => l.Contains("127.0.0.1 is banned from this server", StringComparison.Ordinal));
        Assert.Empty(engine.GetSessions());
        var ban = (await factory.Services.GetRequiredService<AuditLog>().ListAsync(0, 10, Ct)).Items.Select(r => r.Entry).First(e => e.Action == AuditAction.Ban);
        Assert.Equal(("teacher", "127.0.0.1"), (ban.Actor, ban.Target));

        Assert.True(await factory.Services.GetRequiredService<BanList>().UnbanAsync("127.0.0.1", "teacher", cancellationToken: Ct));
        await using var welcome = await TcpTestClient.ConnectAsync(engine.LocalEndPoint!);
        await welcome.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
    }
}
