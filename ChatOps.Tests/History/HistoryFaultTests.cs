using ChatOps.History.Queries;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChatOps.Tests.History;

/// <summary>A database that cannot be written is the history's problem, never the students'.</summary>
public sealed class HistoryFaultTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unwritable_database_folder_is_reported_while_the_engine_keeps_relaying_and_the_lines_wait_for_it()
    {
        // A file where the folder should be: no user, root included, can create the database there.
        var blocker = _folder.Combine("blocker");
        await File.WriteAllTextAsync(blocker, "not a folder", Ct);
        await using var host = await HistoryHost.StartAsync(Path.Combine(blocker, "data"));

        await using var alice = await host.ConnectAsync();
        await alice.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        await using var bob = await host.ConnectAsync();
        await bob.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        await alice.SendLineAsync("still relaying");
        Assert.Equal("[127.0.0.1] still relaying", await bob.ReadUntilAsync(l => l.EndsWith("still relaying", StringComparison.Ordinal)));
        await host.FlushAsync();

        var fault = host.Status.Current;
        Assert.True(fault.IsFaulted);
        Assert.False(string.IsNullOrWhiteSpace(fault.LastError));
        Assert.True(fault.Pending >= 4, $"pending {fault.Pending}"); // started, two connected, the chat line
        Assert.Contains(host.Logs.GetSnapshot(), e => e.Level == LogLevel.Error && e.Message.Contains(Path.Combine(blocker, "data"), StringComparison.Ordinal));

        File.Delete(blocker);
        await host.FlushAsync();

        var healthy = host.Status.Current;
        Assert.False(healthy.IsFaulted);
        Assert.Equal((0, fault.LastError), (healthy.Pending, healthy.LastError));
        var line = Assert.Single((await host.Queries.GetLinesAsync(new LineQuery(Text: "still relaying"), Ct)).Items);
        Assert.Equal(LineKind.Chat, line.Kind);
        Assert.Contains(host.Logs.GetSnapshot(), e => e.Level == LogLevel.Information && e.Message.Contains("writable again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_database_is_named_as_such()
    {
        var file = _folder.Combine("full.db");
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var setup = connection.CreateCommand();
        setup.CommandText = "CREATE TABLE t (x BLOB); PRAGMA max_page_count = 8;";
        await setup.ExecuteNonQueryAsync(Ct);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES (randomblob(100000));";

        var full = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteNonQueryAsync(Ct));

        Assert.True(StorageFaults.IsStorage(full));
        Assert.Equal("the database or the disk is full", StorageFaults.Describe(full));
    }

    [Fact]
    public async Task A_database_from_a_newer_chatops_is_refused_with_a_clear_fault_and_the_engine_still_serves()
    {
        Directory.CreateDirectory(_folder.Combine("data"));
        await using (var connection = new SqliteConnection($"Data Source={_folder.Combine("data", "chatops.db")};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using var host = await HistoryHost.StartAsync(_folder.Combine("data"));
        await using var client = await host.ConnectAsync();
        await client.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        await host.FlushAsync();

        Assert.True(host.Status.Current.IsFaulted);
        Assert.Contains("schema version 99", host.Status.Current.LastError, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
