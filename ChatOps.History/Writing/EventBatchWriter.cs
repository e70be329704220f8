using ChatOps.History.Audit;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Writing;

/// <summary>
/// Writes a batch of engine events in one transaction and keeps track of the lab session they belong to. The lab
/// session state moves only when the transaction commits, so a failed batch can be retried as it was.
/// </summary>
internal sealed class EventBatchWriter(ChatEngine engine)
{
    private long? _open;
    private long? _last;

    public async Task<int> WriteAsync(SqliteConnection connection, IReadOnlyList<ChatEvent> events, CancellationToken cancellationToken)
    {
        var state = new State(_open, _last);
        var lines = 0;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new LineInsert(connection, transaction))
        {
            foreach (var chatEvent in events)
            {
                if (EventRows.Map(chatEvent) is not { } row)
                    continue;
                if (chatEvent is EngineStarted started)
                    await StartAsync(connection, transaction, state, started, cancellationToken);
                var labSession = state.Open ?? await ImplicitAsync(connection, transaction, state, chatEvent, cancellationToken);
                insert.Run(labSession, row);
                lines++;
                if (chatEvent is EngineStopped stopped && state.Open is { } open)
                {
                    await LabSessionRows.CloseAsync(connection, transaction, open, stopped.At, stopped.Reason.ToString(), stopped.By, cancellationToken);
                    state.Open = null;
                }
                if (AuditRows.From(chatEvent) is { } audit)
                    await AuditRows.InsertAsync(connection, transaction, audit, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        (_open, _last) = (state.Open, state.Last);
        return lines;
    }

    private static async Task StartAsync(SqliteConnection connection, SqliteTransaction transaction, State state, EngineStarted started, CancellationToken cancellationToken)
    {
        // The engine always says it stopped before it starts again; an open session here means that event was lost.
        if (state.Open is { } open)
            await LabSessionRows.CloseAsync(connection, transaction, open, started.At, "Interrupted", null, cancellationToken);
        state.Open = await LabSessionRows.OpenAsync(connection, transaction, started.At, EventRows.Lower(started.Mode), EventRows.Endpoints(started), cancellationToken);
        state.Last = state.Open;
    }

    // The writer subscribed after the engine had started (hosted services start in registration order), or a late event
    // arrived after the stop: the first belongs to a session opened from the engine's state, the second to the last one.
    private async Task<long> ImplicitAsync(SqliteConnection connection, SqliteTransaction transaction, State state, ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (state.Last is { } last && !engine.IsRunning)
            return last;
        var endpoints = engine.LocalEndPoint?.ToString() ?? "";
        state.Open = await LabSessionRows.OpenAsync(connection, transaction, engine.StartedAt ?? chatEvent.At, EventRows.Lower(engine.Mode), endpoints, cancellationToken);
        state.Last = state.Open;
        return state.Open.Value;
    }

    private sealed class State(long? open, long? last)
    {
        public long? Open { get; set; } = open;
        public long? Last { get; set; } = last;
    }
}
