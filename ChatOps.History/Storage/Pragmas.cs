using Microsoft.Data.Sqlite;

namespace ChatOps.History.Storage;

internal static class Pragmas
{
    // WAL: readers (the History page) never block the writer. synchronous=NORMAL in WAL loses nothing on a process crash
    // (kill -9): a commit is in the WAL file once it returns; only a power cut may lose the last commits, which a lab
    // accepts in exchange for not waiting on fsync for every batch.
    private const string Sql = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        """;

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
