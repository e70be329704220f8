using ChatOps.History.Audit;
using ChatOps.History.Queries;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.History;

/// <summary>Real clients on a real engine; what they do must come back out of the SQLite file.</summary>
public sealed class HistoryRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Chat_lines_protocol_words_operator_lines_and_connections_are_stored_in_a_lab_session()
    {
        await using (var host = await HistoryHost.StartAsync(_folder.Path))
        {
            using var events = new EventLog(host.Engine.Events);
            await using var alice = await host.ConnectAsync();
            await alice.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
            await using var bob = await host.ConnectAsync();
            await bob.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));

            await alice.SendLineAsync("bonjour la classe");
            await bob.ReadUntilAsync(l => l.EndsWith("bonjour la classe", StringComparison.Ordinal));
            host.Engine.Broadcast("from the teacher", "prof");
            await alice.ReadUntilAsync(l => l.Contains("from the teacher", StringComparison.Ordinal));
            await alice.SendLineAsync("bye");
            await alice.ReadUntilAsync(l => l.StartsWith("* goodbye", StringComparison.Ordinal));
            // The disconnect is published once the connection is over, a moment after the goodbye is written.
            await events.WaitForAsync<ClientDisconnected>();
            await host.FlushAsync();

            var sessions = await host.Queries.ListSessionsAsync(cancellationToken: TestContext.Current.CancellationToken);
            var session = Assert.Single(sessions.Items);
            Assert.Equal("relay", session.Mode);
            Assert.Null(session.StoppedAt);

            var lines = (await host.Queries.GetLinesAsync(new LineQuery(session.Id), TestContext.Current.CancellationToken)).Items;
            Assert.Equal(LineKind.Started, lines[0].Kind);
            Assert.Equal(2, lines.Count(l => l.Kind == LineKind.Connected && l.Ip == "127.0.0.1"));
            var chat = Assert.Single(lines, l => l.Kind == LineKind.Chat);
            Assert.Equal(("bonjour la classe", "127.0.0.1"), (chat.Text, chat.Ip));
            var teacher = Assert.Single(lines, l => l.Kind == LineKind.Operator);
            Assert.Equal(("from the teacher", "prof", 2), (teacher.Text, teacher.Actor, teacher.Recipients));
            Assert.Single(lines, l => l.Kind == LineKind.Bye && l.ClientId == chat.ClientId);
            Assert.Contains(lines, l => l.Kind == LineKind.Disconnected && l.ClientId == chat.ClientId && l.Detail == "Bye");
        }

        // The host has stopped: its stop, written last, is in the file for the next run to read.
        await using var reopened = await HistoryHost.StartAsync(_folder.Path);
        var first = (await reopened.Queries.ListSessionsAsync(cancellationToken: TestContext.Current.CancellationToken)).Items.Single(s => s.StoppedAt is not null);
        Assert.Equal(("Shutdown", "host"), (first.StopReason, first.StoppedBy));
        var last = (await reopened.Queries.GetLinesAsync(new LineQuery(first.Id, PageIndex: 0, PageSize: 500), TestContext.Current.CancellationToken)).Items[^1];
        Assert.Equal(LineKind.Stopped, last.Kind);
    }

    [Fact]
    public async Task A_clients_arret_and_a_mode_switch_end_up_in_the_audit_log_with_who_did_them()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        await host.Engine.SwitchModeAsync(ChatMode.Echo, "prof", TestContext.Current.CancellationToken);
        await using (var client = await host.ConnectAsync())
        {
            await client.SendLineAsync("arret");
            await client.ReadUntilAsync(l => l.StartsWith("* arret", StringComparison.Ordinal));
        }
        await host.Engine.PendingStop.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await host.FlushAsync();

        var audit = (await host.Audit.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items.Select(r => r.Entry).ToList();
        Assert.Equal([AuditAction.Arret, AuditAction.ModeSwitch], audit.Select(e => e.Action));
        Assert.Equal(("127.0.0.1", "127.0.0.1"), (audit[0].Actor, audit[0].ActorIp));
        Assert.Equal(("prof", "echo", "from relay"), (audit[1].Actor, audit[1].Target, audit[1].Detail));

        var session = Assert.Single((await host.Queries.ListSessionsAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
        Assert.Equal(("Arret", "127.0.0.1"), (session.StopReason, session.StoppedBy));
    }

    [Fact]
    public async Task Audit_entries_from_the_web_host_are_listed_newest_first()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path);
        var at = DateTimeOffset.UtcNow;
        Assert.True(await host.Audit.RecordAsync(new AuditEntry(at, AuditAction.SignIn, "admin", "192.168.1.20"), TestContext.Current.CancellationToken));
        Assert.True(await host.Audit.RecordAsync(new AuditEntry(at, AuditAction.Kick, "admin", "192.168.1.20", "10.0.0.7", "session 4"), TestContext.Current.CancellationToken));

        var page = await host.Audit.ListAsync(0, 1, TestContext.Current.CancellationToken);
        Assert.Equal(2, page.Total);
        Assert.Equal(AuditAction.Kick, Assert.Single(page.Items).Entry.Action);
        Assert.Equal("10.0.0.7", page.Items[0].Entry.Target);
    }

    public void Dispose() => _folder.Dispose();
}
