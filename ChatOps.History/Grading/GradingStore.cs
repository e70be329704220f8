using ChatOps.History.Internal;
using ChatOps.History.Status;
using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChatOps.History.Grading;

/// <summary>
/// The grading runs of the dashboard's Checks page and their results, in the history file. Writes never throw for a
/// storage fault: they report it on <see cref="HistoryStatus"/> and the log and return null or false, because a class
/// being graded must not stop when the disk is full. Reads throw like the other history queries.
/// </summary>
public sealed class GradingStore
{
    /// <summary>End state of a run whose checks all reported.</summary>
    public const string Completed = "completed";

    /// <summary>End state of a run the teacher cancelled (or the program stopped) before its last check.</summary>
    public const string Cancelled = "cancelled";

    private readonly HistoryDatabase _database;
    private readonly HistoryStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal GradingStore(HistoryDatabase database, HistoryStatus status, TimeProvider time, ILogger<GradingStore> logger)
    {
        _database = database;
        _status = status;
        _time = time;
        _logger = logger;
    }

    /// <summary>Records the start of a run; its id, or null when the database could not be written.</summary>
    public async Task<long?> StartAsync(GradingRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.StartedBy);
        return await SaveAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO grading_runs (started_at, started_by, exercise, host, port, student)
                VALUES ($at, $by, $exercise, $host, $port, $student) RETURNING id;
                """;
            command.Parameters.AddWithValue("$at", UnixMs.From(run.StartedAt));
            command.Parameters.AddWithValue("$by", run.StartedBy);
            command.Parameters.AddWithValue("$exercise", run.Exercise);
            command.Parameters.AddWithValue("$host", run.Host);
            command.Parameters.AddWithValue("$port", run.Port);
            command.Parameters.AddWithValue("$student", run.Student);
            return (long?)Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    /// <summary>Appends one result to run <paramref name="runId"/>, after those already there; false when it could not be saved.</summary>
    public async Task<bool> AddResultAsync(long runId, GradingResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return await SaveAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO grading_results (run_id, position, name, result, reason, ms, transcript, reason_data)
                VALUES ($run, (SELECT COUNT(*) FROM grading_results WHERE run_id = $run), $name, $result, $reason, $ms, $transcript, $reason_data);
                """;
            command.Parameters.AddWithValue("$run", runId);
            command.Parameters.AddWithValue("$name", result.Name);
            command.Parameters.AddWithValue("$result", result.Result);
            command.Parameters.AddWithValue("$reason", result.Reason);
            command.Parameters.AddWithValue("$ms", result.Ms);
            command.Parameters.AddWithValue("$transcript", (object?)result.Transcript ?? DBNull.Value);
            command.Parameters.AddWithValue("$reason_data", (object?)result.ReasonData ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return (bool?)true;
        }, cancellationToken) ?? false;
    }

    /// <summary>Marks run <paramref name="runId"/> as over, now, with <see cref="Completed"/> or <see cref="Cancelled"/>.</summary>
    public async Task<bool> FinishAsync(long runId, string endState, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endState);
        var at = _time.GetUtcNow();
        return await SaveAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE grading_runs SET finished_at = $at, end_state = $state WHERE id = $run;";
            command.Parameters.AddWithValue("$at", UnixMs.From(at));
            command.Parameters.AddWithValue("$state", endState);
            command.Parameters.AddWithValue("$run", runId);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return (bool?)true;
        }, cancellationToken) ?? false;
    }

    /// <summary>The runs with these ids that exist, in the order of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyList<GradingRunRecord>> GetRunsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return [];
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // json_each takes the ids as one parameter: no SQL built from input, whatever the number of ids.
        command.CommandText = $"SELECT {GradingRows.RunColumns} FROM grading_runs WHERE id IN (SELECT value FROM json_each($ids));";
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        var runs = (await GradingRows.ReadRunsAsync(command, cancellationToken)).ToDictionary(r => r.Id);
        return ids.Distinct().Where(runs.ContainsKey).Select(id => runs[id]).ToList();
    }

    /// <summary>The newest <paramref name="count"/> runs, newest first.</summary>
    public async Task<IReadOnlyList<GradingRunRecord>> RecentAsync(int count = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {GradingRows.RunColumns} FROM grading_runs ORDER BY id DESC LIMIT $count;";
        command.Parameters.AddWithValue("$count", Math.Clamp(count, 1, 10_000));
        return await GradingRows.ReadRunsAsync(command, cancellationToken);
    }

    /// <summary>The results of a run in the order they came, without their transcripts (empty for an unknown run).</summary>
    public async Task<IReadOnlyList<GradingResult>> GetResultsAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await GradingRows.ReadResultsAsync(connection, runId, withTranscripts: false, cancellationToken);
    }

    /// <summary>The transcript of check <paramref name="name"/> in run <paramref name="runId"/>; null when it did not run or is unknown.</summary>
    public async Task<string?> GetTranscriptAsync(long runId, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT transcript FROM grading_results WHERE run_id = $run AND name = $name;";
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<T?> SaveAsync<T>(Func<SqliteConnection, Task<T?>> write, CancellationToken cancellationToken)
        where T : struct
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            return await write(connection);
        }
        catch (Exception ex) when (StorageFaults.IsStorage(ex))
        {
            var error = _status.ReportStorageFault(ex, _time.GetUtcNow());
            HistoryLog.SaveFailed(_logger, _database.FilePath, error, ex);
            return null;
        }
    }
}
