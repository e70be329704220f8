using ChatOps.History.Audit;
using ChatOps.History.Queries;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.History;

/// <summary>Bans live in the database, hold at the engine's door, and survive a restart.</summary>
public sealed class BanListTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_banned_ip_is_refused_with_a_notice_and_the_ban_survives_a_restart_until_lifted()
    {
        await using (var first = await HistoryHost.StartAsync(_folder.Path))
        {
            Assert.True(await first.Bans.BanAsync("127.0.0.1", null, "prof", "spamming", "192.168.1.20", Ct));
            Assert.True(await first.Bans.BanAsync("10.1.2.3", TimeSpan.FromHours(1), "prof", cancellationToken: Ct));
            await AssertRefusedAsync(first);
        }

        await using var second = await HistoryHost.StartAsync(_folder.Path);
        Assert.True(second.Bans.IsBanned("127.0.0.1"));
        Assert.True(second.Bans.IsBanned("10.1.2.3"));
        Assert.False(second.Bans.IsBanned("10.1.2.4"));
        var kept = second.Bans.Active.Single(b => b.Ip == "127.0.0.1");
        Assert.Equal(("prof", "spamming", null), (kept.By, kept.Reason, kept.ExpiresAt));
        Assert.NotNull(second.Bans.Active.Single(b => b.Ip == "10.1.2.3").ExpiresAt);
        await AssertRefusedAsync(second);

        Assert.True(await second.Bans.UnbanAsync("127.0.0.1", "prof", cancellationToken: Ct));
        Assert.False(await second.Bans.UnbanAsync("127.0.0.1", "prof", cancellationToken: Ct));
        await using (var welcome = await second.ConnectAsync())
            Assert.StartsWith("* connected", await welcome.ReadLineAsync(), StringComparison.Ordinal);

        var audit = (await second.Audit.ListAsync(cancellationToken: Ct)).Items.Select(r => r.Entry).ToList();
        Assert.Equal([AuditAction.Unban, AuditAction.Ban, AuditAction.Ban], audit.Select(a => a.Action));
        Assert.Equal(("prof", "192.168.1.20", "127.0.0.1"), (audit[2].Actor, audit[2].ActorIp, audit[2].Target));
        Assert.Contains("spamming", audit[2].Detail, StringComparison.Ordinal);

        await second.FlushAsync();
        var refusals = await second.Queries.GetLinesAsync(new LineQuery(Text: "is banned"), Ct);
        Assert.Equal(2, refusals.Total);
        Assert.All(refusals.Items, l => Assert.Equal((LineKind.Notice, "Refused"), (l.Kind, l.Detail)));
    }

    [Fact]
    public async Task A_ban_for_a_time_ends_by_itself()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        await using var host = await HistoryHost.StartAsync(_folder.Path, time: time);
        await host.Bans.BanAsync("10.0.0.9", TimeSpan.FromMinutes(10), "prof", cancellationToken: Ct);
        Assert.True(host.Bans.IsBanned("10.0.0.9"));

        time.Advance(TimeSpan.FromMinutes(11));

        Assert.False(host.Bans.IsBanned("10.0.0.9"));
        Assert.Empty(host.Bans.Active);
    }

    [Fact]
    public async Task Addresses_are_normalized_and_text_that_is_not_an_address_is_rejected_clearly()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        await host.Bans.BanAsync(" ::ffff:10.0.0.5 ", null, "prof", cancellationToken: Ct);
        Assert.True(host.Bans.IsBanned("10.0.0.5"));
        Assert.True(host.Bans.IsBanned(System.Net.IPAddress.Parse("10.0.0.5").MapToIPv6()));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Bans.BanAsync("<b>x</b>", null, "prof", cancellationToken: Ct));
        Assert.Contains("Not an IP address: '<b>x</b>'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => host.Bans.BanAsync("10.0.0.6", TimeSpan.Zero, "prof", cancellationToken: Ct));
        Assert.False(host.Bans.IsBanned("10.0.0.6"));
    }

    private static async Task AssertRefusedAsync(HistoryHost host)
    {
        await using var refused = await host.ConnectAsync();
        Assert.Equal("* 127.0.0.1 is banned from this server", await refused.ReadLineAsync());
        Assert.Null(await refused.ReadLineAsync());
    }

    public void Dispose() => _folder.Dispose();
}
