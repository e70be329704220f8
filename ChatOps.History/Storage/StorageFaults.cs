using Microsoft.Data.Sqlite;

namespace ChatOps.History.Storage;

internal static class StorageFaults
{
    /// <summary>
    /// Failures of the disk or the file, which the history reports and survives: an unwritable folder, a full disk
    /// (SQLITE_FULL), a locked or corrupt file. Anything else is a bug and is left to crash loudly.
    /// </summary>
    public static bool IsStorage(Exception ex) =>
        ex is SqliteException or IOException or UnauthorizedAccessException or HistorySchemaException;

    /// <summary>One line for the dashboard and the log.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: 13 } => "the database or the disk is full",
        SqliteException { SqliteErrorCode: 14 } => "the database file cannot be opened (is the folder writable?)",
        SqliteException { SqliteErrorCode: 8 } => "the database file is read-only",
        SqliteException s => s.Message,
        UnauthorizedAccessException u => $"access denied: {u.Message}",
        _ => ex.Message,
    };
}
