using ChatOps.History.Audit;
using ChatOps.TcpEngine.Events;
using ChatOps.Web.Records;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>The web host writes sign-ins, failed sign-ins and kicks to the history's audit log.</summary>
[Collection(WebHostGroup.Name)]
public sealed class AuditRecordingTests(WebHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AuditLog Audit => host.Services.GetRequiredService<AuditLog>();

    [Fact]
    public async Task Sign_ins_and_wrong_passwords_are_recorded_with_the_address()
    {
        await SignIn.WithPasswordAsync(host.BaseAddress, ChatOpsWebFactory.Password);
        using var wrong = await SignIn.PostPasswordAsync(host.BaseAddress, new System.Net.CookieContainer(), "not the password");

        var entries = (await Audit.ListAsync(0, 50, Ct)).Items.Select(r => r.Entry).ToList();
        var failed = entries.First(e => e.Action == AuditAction.SignInFailed);
        Assert.Equal(("127.0.0.1", "127.0.0.1"), (failed.Actor, failed.ActorIp));
        var signIn = entries.First(e => e.Action == AuditAction.SignIn);
        Assert.Equal(("teacher", "127.0.0.1"), (signIn.Actor, signIn.ActorIp));
        // Newest first: the failed attempt came after the sign-in.
        Assert.True(entries.IndexOf(failed) < entries.IndexOf(signIn));
    }

    [Fact]
    public async Task A_kick_from_the_dashboard_is_recorded_with_who_and_whom()
    {
        await using var client = await host.ConnectAsync();
        var session = await AdmittedAsync(client);

        Assert.True(await host.Services.GetRequiredService<Moderation>().KickAsync(session, "teacher", Ct));

        var kick = (await Audit.ListAsync(0, 10, Ct)).Items.Select(r => r.Entry).First(e => e.Action == AuditAction.Kick);
        Assert.Equal(("teacher", $"127.0.0.1:{client.LocalPort}"), (kick.Actor, kick.Target));
    }

    private async Task<long> AdmittedAsync(TestTcpClient client)
    {
        await client.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        return host.Engine.GetSessions().Single(s => s.Port == client.LocalPort).Id;
    }
}
