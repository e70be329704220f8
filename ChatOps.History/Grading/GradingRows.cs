using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Grading;

internal static class GradingRows
{
    public const string RunColumns = "id, started_at, started_by, exercise, host, port, student, finished_at, end_state";

    public static GradingRunRecord ReadRun(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        new GradingRun(UnixMs.To(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetString(6)),
        reader.IsDBNull(7) ? null : UnixMs.To(reader.GetInt64(7)),
        reader.IsDBNull(8) ? null : reader.GetString(8));

    public static async Task<List<GradingRunRecord>> ReadRunsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var runs = new List<GradingRunRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            runs.Add(ReadRun(reader));
        return runs;
    }

    public static async Task<List<GradingResult>> ReadResultsAsync(SqliteConnection connection, long runId, bool withTranscripts, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // The transcripts weigh up to 256 KB each: a grid or an export does not need them.
        command.CommandText = $"SELECT name, result, reason, ms, {(withTranscripts ? "transcript" : "NULL")}, reason_data FROM grading_results WHERE run_id = $run ORDER BY position;";
        command.Parameters.AddWithValue("$run", runId);
        var results = new List<GradingResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            results.Add(new GradingResult(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        return results;
    }
}
