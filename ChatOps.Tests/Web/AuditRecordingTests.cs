using ChatOps.History.Audit;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;
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
    public async Task A_sign_out_is_recorded()
    {
        // A host of its own: a sign-out ends every sign-in of its host, the shared one's included.
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        var baseAddress = new Uri(factory.ServerAddress());
        var cookies = await SignIn.WithPasswordAsync(baseAddress, ChatOpsWebFactory.Password);
        using (var signOut = await SignIn.SignOutAsync(baseAddress, cookies))
            Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);

        var latest = (await factory.Services.GetRequiredService<AuditLog>().ListAsync(0, 1, Ct)).Items.Single().Entry;
        Assert.Equal((AuditAction.SignOut, "teacher", "127.0.0.1"), (latest.Action, latest.Actor, latest.ActorIp));
    }

    [Fact]
    public async Task The_history_and_audit_pages_need_sign_in_and_are_linked_from_the_app_bar()
    {
        using var anonymous = SignIn.Client(host.BaseAddress, new System.Net.CookieContainer());
        using var refused = await anonymous.GetAsync(new Uri("/history", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);

        using var http = SignIn.Client(host.BaseAddress, host.Cookies);
        var history = await http.GetStringAsync(new Uri("/history", UriKind.Relative), Ct);
        Assert.Contains("Lab sessions", history, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit\"", history, StringComparison.Ordinal);
        var audit = await http.GetStringAsync(new Uri("/audit", UriKind.Relative), Ct);
        Assert.Contains("id=\"audit-table\"", audit, StringComparison.Ordinal);
        Assert.Contains("href=\"/history\"", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kick_from_the_dashboard_is_recorded_with_who_and_whom()
    {
        await using var client = await host.ConnectAsync();
        var session = await AdmittedAsync(client);

        Assert.True(await host.Services.GetRequiredService<Moderation>().KickAsync(session, "teacher", cancellationToken: Ct));

        var kick = (await Audit.ListAsync(0, 10, Ct)).Items.Select(r => r.Entry).First(e => e.Action == AuditAction.Kick);
        Assert.Equal(("teacher", $"127.0.0.1:{client.LocalEndPoint.Port}"), (kick.Actor, kick.Target));
    }

    private async Task<long> AdmittedAsync(TcpTestClient client)
    {
        await client.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        return host.Engine.GetSessions().Single(s => s.Port == client.LocalEndPoint.Port).Id;
    }
}
