using System.Collections.Immutable;
using ChatOps.History.Audit;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Writing;

/// <summary>
/// Writes a batch of engine events in one transaction and keeps track of the lab session each room's events belong to
/// (every room's runs are lab sessions of their own). The lab session state moves only when the transaction commits, so
/// a failed batch can be retried as it was.
/// </summary>
internal sealed class EventBatchWriter(ChatServer server)
{
    private ImmutableDictionary<string, RoomRuns> _rooms = ImmutableDictionary.Create<string, RoomRuns>(StringComparer.OrdinalIgnoreCase);

    public async Task<int> WriteAsync(SqliteConnection connection, IReadOnlyList<ChatEvent> events, CancellationToken cancellationToken)
    {
        var rooms = _rooms.ToBuilder();
        var lines = 0;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new LineInsert(connection, transaction))
        {
            foreach (var chatEvent in events)
            {
                if (EventRows.Map(chatEvent) is not { } row)
                    continue;
                var runs = rooms.GetValueOrDefault(chatEvent.Room);
                if (chatEvent is EngineStarted started)
                    runs = await StartAsync(connection, transaction, runs, started, cancellationToken);
                if (runs.Open is null)
                    runs = await ImplicitAsync(connection, transaction, runs, chatEvent, cancellationToken);
                insert.Run(runs.Open ?? runs.Last!.Value, row);
                lines++;
                if (chatEvent is EngineStopped stopped && runs.Open is { } open)
                {
                    await LabSessionRows.CloseAsync(connection, transaction, open, stopped.At, stopped.Reason.ToString(), stopped.By, cancellationToken);
                    runs = runs with { Open = null };
                }
                rooms[chatEvent.Room] = runs;
                if (AuditRows.From(chatEvent) is { } audit)
                    await AuditRows.InsertAsync(connection, transaction, audit, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        _rooms = rooms.ToImmutable();
        return lines;
    }

    private static async Task<RoomRuns> StartAsync(SqliteConnection connection, SqliteTransaction transaction, RoomRuns runs, EngineStarted started, CancellationToken cancellationToken)
    {
        // A room always says it stopped before it starts again; an open session here means that event was lost.
        if (runs.Open is { } open)
            await LabSessionRows.CloseAsync(connection, transaction, open, started.At, "Interrupted", null, cancellationToken);
        var id = await LabSessionRows.OpenAsync(connection, transaction, started.Room, started.At, EventRows.Lower(started.Mode), EventRows.Endpoints(started), cancellationToken);
        return new RoomRuns(id, id);
    }

    // The writer subscribed after the room had started (hosted services start in registration order), or a late event
    // arrived after the stop: the first belongs to a session opened from the room's state, the second to its last one.
    private async Task<RoomRuns> ImplicitAsync(SqliteConnection connection, SqliteTransaction transaction, RoomRuns runs, ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        var room = server.Room(chatEvent.Room);
        if (runs.Last is not null && room?.IsRunning != true)
            return runs;
        var endpoints = room?.LocalEndPoint?.ToString() ?? "";
        var mode = room is null ? "" : EventRows.Lower(room.Mode);
        var id = await LabSessionRows.OpenAsync(connection, transaction, chatEvent.Room, room?.StartedAt ?? chatEvent.At, mode, endpoints, cancellationToken);
        return new RoomRuns(id, id);
    }

    /// <summary>A room's open lab session (null between runs) and its last one (where late events go).</summary>
    private readonly record struct RoomRuns(long? Open, long? Last);
}
