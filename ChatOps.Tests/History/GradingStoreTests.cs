using ChatOps.History.Grading;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Tests.History;

/// <summary>The Checks page's runs in the history file: kept in order, across a restart, and never a reason to stop grading.</summary>
public sealed class GradingStoreTests : IDisposable
{
    private const string ReasonData = """{"key":"SenderIp.Missing","args":["\"salut\"","127.0.0.2","salut"]}""";

    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_and_its_results_survive_a_restart_in_order_with_transcripts_and_end_state()
    {
        var time = new FakeTimeProvider(Morning);
        long alice, bob;
        await using (var first = await HistoryHost.StartAsync(_folder.Path, time: time))
        {
            alice = (await first.Grading.StartAsync(new GradingRun(Morning, "prof", "relay", "192.168.1.21", 5000, "Alice <b>"), Ct))!.Value;
            bob = (await first.Grading.StartAsync(new GradingRun(Morning.AddSeconds(1), "prof", "echo", "pc-12", 6000, "seat 12"), Ct))!.Value;
            Assert.True(await first.Grading.AddResultAsync(alice, new GradingResult("connect", "pass", "accepted in 3 ms", 4, "A > 5 bytes"), Ct));
            Assert.True(await first.Grading.AddResultAsync(alice, new GradingResult("sender_ip", "fail", "no IP in \"salut\"", 1200, "B < \"salut\"", ReasonData), Ct));
            Assert.True(await first.Grading.AddResultAsync(alice, new GradingResult("arret", "skip", "not sent", 0, null), Ct));
            time.Advance(TimeSpan.FromSeconds(20));
            Assert.True(await first.Grading.FinishAsync(alice, GradingStore.Completed, Ct));
            Assert.True(await first.Grading.FinishAsync(bob, GradingStore.Cancelled, Ct));
        }

        await using var second = await HistoryHost.StartAsync(_folder.Path, time: time);
        var runs = await second.Grading.GetRunsAsync([bob, alice, 999], Ct);
        Assert.Equal([bob, alice], runs.Select(r => r.Id));
        var a = runs[1];
        Assert.Equal(new GradingRun(Morning, "prof", "relay", "192.168.1.21", 5000, "Alice <b>"), a.Run);
        Assert.Equal((Morning.AddSeconds(20), GradingStore.Completed), (a.FinishedAt, a.EndState));
        Assert.Equal(GradingStore.Cancelled, runs[0].EndState);
        Assert.Equal([alice, bob], (await second.Grading.RecentAsync(10, Ct)).Select(r => r.Id).Reverse());

        var results = await second.Grading.GetResultsAsync(alice, Ct);
        Assert.Equal(["connect", "sender_ip", "arret"], results.Select(r => r.Name));
        Assert.Equal(new GradingResult("sender_ip", "fail", "no IP in \"salut\"", 1200, null, ReasonData), results[1]);
        Assert.All(results, r => Assert.Null(r.Transcript));
        Assert.Equal("B < \"salut\"", await second.Grading.GetTranscriptAsync(alice, "sender_ip", Ct));
        Assert.Null(await second.Grading.GetTranscriptAsync(alice, "arret", Ct));
        Assert.Empty(await second.Grading.GetResultsAsync(bob, Ct));
    }

    [Fact]
    public async Task The_schema_script_upgrades_a_version_1_file_and_keeps_its_data()
    {
        await using (var first = await HistoryHost.StartAsync(_folder.Path))
            await first.FlushAsync();
        var file = Directory.GetFiles(_folder.Path, "*.db").Single();
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            // What a ChatOps from before the Checks page left: version 1, without the grading tables (nor the folded text,
            // nor rooms).
            await connection.OpenAsync(Ct);
            await using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP TABLE grading_results; DROP TABLE grading_runs; ALTER TABLE lines DROP COLUMN text_folded; ALTER TABLE lab_sessions DROP COLUMN room; DROP TABLE roster; DROP INDEX ix_lines_client; PRAGMA user_version = 1;";
            await downgrade.ExecuteNonQueryAsync(Ct);
        }

        await using var second = await HistoryHost.StartAsync(_folder.Path);
        Assert.NotNull(await second.Grading.StartAsync(new GradingRun(Morning, "prof", "echo", "127.0.0.1", 5000, "Alice"), Ct));
        var sessions = (await second.Queries.ListSessionsAsync(0, 10, Ct)).Items;
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.Equal("main", s.Room));
        await using var check = new SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
        await check.OpenAsync(Ct);
        await using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)Schema.Version, await version.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task An_unwritable_database_is_reported_and_the_writes_say_so_without_throwing()
    {
        // A file where the folder should be: no user, root included, can create the database there.
        var blocker = _folder.Combine("blocker");
        await File.WriteAllTextAsync(blocker, "not a folder", Ct);
        await using var host = await HistoryHost.StartAsync(Path.Combine(blocker, "data"));

        Assert.Null(await host.Grading.StartAsync(new GradingRun(Morning, "prof", "echo", "127.0.0.1", 5000, "Alice"), Ct));
        Assert.False(await host.Grading.AddResultAsync(1, new GradingResult("connect", "pass", "ok", 1, null), Ct));
        Assert.False(await host.Grading.FinishAsync(1, GradingStore.Completed, Ct));
        Assert.True(host.Status.Current.IsFaulted);
    }

    public void Dispose() => _folder.Dispose();
}
