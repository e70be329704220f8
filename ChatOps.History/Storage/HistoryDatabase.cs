using ChatOps.History.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatOps.History.Storage;

/// <summary>
/// Opens connections to the history file, creating the folder, the file and the schema on first use.
/// </summary>
/// <remarks>
/// Plain Microsoft.Data.Sqlite rather than EF Core: the hot path is one prepared INSERT per event inside a batch
/// transaction, and the queries are a handful of paged SELECTs; EF Core would add change tracking on the hot path and
/// design-time tooling (dotnet-ef) to produce migrations, for five small tables. The schema upgrades itself instead from
/// the ordered scripts in <see cref="Schema"/>, tracked by SQLite's own <c>user_version</c>.
/// </remarks>
internal sealed class HistoryDatabase(IOptions<HistoryOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _ready = new(1, 1);
    private readonly RunLock _running = new(options.Value.DatabaseFile);
    private volatile bool _isReady;

    public string FilePath { get; } = options.Value.DatabaseFile;

    /// <summary>
    /// Marks this copy as running on the file, once it is up (the writer calls it when the host has started). First, if no
    /// other copy runs, closes the lab sessions a crash or a kill left open. Before this, nothing is closed: a copy whose
    /// start fails (a busy port) never touches the session of the copy that is running.
    /// </summary>
    public async Task ClaimAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        if (_running.TryTakeAlone())
        {
            await using var connection = await OpenAsync(cancellationToken);
            // Sessions still open in the file belong to a run that ended without a stop event: a crash or a kill.
            await Schema.CloseInterruptedSessionsAsync(connection, cancellationToken);
        }
        await _running.HoldSharedAsync(cancellationToken);
    }

    /// <summary>An open connection, ready to use; the caller disposes it. Throws when the file cannot be opened or written.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new SqliteConnection(ConnectionString(FilePath));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Pragmas.ApplyAsync(connection, cancellationToken);
            if (!_isReady)
                await PrepareAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        _running.Dispose();
        _ready.Dispose();
    }

    private async Task PrepareAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken);
        try
        {
            if (_isReady)
                return;
            await Schema.UpgradeAsync(connection, cancellationToken);
            _isReady = true;
        }
        finally
        {
            _ready.Release();
        }
    }

    private static string ConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // No pool: connections are few and short, and a closed connection must release the file (tests reopen it,
        // teachers copy it).
        Pooling = false,
        // Seconds to wait for another writer's lock before giving up (SQLITE_BUSY).
        DefaultTimeout = 5,
    }.ToString();
}
