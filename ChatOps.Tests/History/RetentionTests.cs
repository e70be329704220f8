using ChatOps.History.Audit;
using ChatOps.History.Queries;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.History;

public sealed class RetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cleanup_removes_lab_sessions_lines_and_audit_older_than_the_retention_and_expired_bans()
    {
        var time = new FakeTimeProvider(Start);
        // The periodic cleanup must not run during the test, only the explicit one whose counts are checked: the clock
        // moves 2 days, past the 1-day retention and well short of the 30-day interval.
        await using var host = await HistoryHost.StartAsync(_folder.Path, new() { ["Data:RetentionDays"] = "1", ["Data:CleanupInterval"] = "30.00:00:00" }, time);
        host.Engine.Broadcast("an old line");
        await host.Audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.SignIn, "prof"), Ct);
        await host.Bans.BanAsync("10.0.0.1", TimeSpan.FromDays(1), "prof", cancellationToken: Ct);
        await host.Bans.BanAsync("10.0.0.2", null, "prof", cancellationToken: Ct);
        await host.Engine.StopAsync(by: "prof", cancellationToken: Ct);
        await host.FlushAsync();

        time.Advance(TimeSpan.FromDays(2));
        await host.Engine.StartAsync(Ct);
        host.Engine.Broadcast("a recent line");
        await host.Audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.SignIn, "prof"), Ct);
        await host.FlushAsync();

        var result = await host.Retention.CleanupAsync(Ct);

        Assert.Equal(Start.AddDays(1), result.Cutoff);
        Assert.Equal(3, result.Lines); // started, the old line, stopped
        Assert.Equal(1, result.LabSessions);
        Assert.Equal(4, result.AuditEntries); // sign-in, two bans, the stop
        Assert.Equal(1, result.ExpiredBans);
        var session = Assert.Single((await host.Queries.ListSessionsAsync(cancellationToken: Ct)).Items);
        Assert.Equal(Start.AddDays(2), session.StartedAt);
        var lines = await host.Queries.GetLinesAsync(new(session.Id), Ct);
        Assert.Equal([LineKind.Started, LineKind.Operator], lines.Items.Select(l => l.Kind));
        Assert.Equal("a recent line", lines.Items[1].Text);
        Assert.Equal(AuditAction.SignIn, Assert.Single((await host.Audit.ListAsync(cancellationToken: Ct)).Items).Entry.Action);
        Assert.Equal("10.0.0.2", Assert.Single(host.Bans.Active).Ip);
    }

    [Fact]
    public async Task Retention_zero_keeps_everything()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await HistoryHost.StartAsync(_folder.Path, new() { ["Data:RetentionDays"] = "0" }, time);
        host.Engine.Broadcast("kept");
        await host.FlushAsync();
        time.Advance(TimeSpan.FromDays(3650));

        var result = await host.Retention.CleanupAsync(Ct);

        Assert.Null(result.Cutoff);
        Assert.Equal(0, result.Lines);
        Assert.Equal(2, (await host.Queries.GetLinesAsync(new(), Ct)).Total);
    }

    public void Dispose() => _folder.Dispose();
}
