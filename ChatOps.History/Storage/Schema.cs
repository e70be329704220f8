using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Storage;

/// <summary>
/// The schema as an ordered list of scripts. <c>PRAGMA user_version</c> counts those applied; opening a file applies
/// the rest, each in its own transaction. To change the schema, append a script: never edit one that has shipped.
/// </summary>
/// <remarks>Times are Unix milliseconds (UTC) in INTEGER columns: compact, sortable, and range queries use the index.</remarks>
internal static class Schema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE lab_sessions (
            id          INTEGER PRIMARY KEY,
            started_at  INTEGER NOT NULL,
            mode        TEXT    NOT NULL,
            endpoints   TEXT    NOT NULL DEFAULT '',
            stopped_at  INTEGER,
            stop_reason TEXT,
            stopped_by  TEXT
        );
        CREATE INDEX ix_lab_sessions_started ON lab_sessions (started_at);

        CREATE TABLE lines (
            id             INTEGER PRIMARY KEY,
            lab_session_id INTEGER NOT NULL REFERENCES lab_sessions (id) ON DELETE CASCADE,
            at             INTEGER NOT NULL,
            kind           TEXT    NOT NULL,
            client_id      INTEGER,
            ip             TEXT,
            port           INTEGER,
            text           TEXT    NOT NULL,
            actor          TEXT,
            detail         TEXT,
            recipients     INTEGER
        );
        CREATE INDEX ix_lines_session ON lines (lab_session_id, id);
        CREATE INDEX ix_lines_ip ON lines (ip);
        CREATE INDEX ix_lines_at ON lines (at);

        CREATE TABLE audit (
            id       INTEGER PRIMARY KEY,
            at       INTEGER NOT NULL,
            action   TEXT    NOT NULL,
            actor    TEXT    NOT NULL,
            actor_ip TEXT,
            target   TEXT,
            detail   TEXT
        );
        CREATE INDEX ix_audit_at ON audit (at);

        CREATE TABLE bans (
            ip         TEXT PRIMARY KEY,
            created_at INTEGER NOT NULL,
            expires_at INTEGER,
            actor      TEXT    NOT NULL,
            reason     TEXT
        );
        """,
        // 2: the dashboard's Checks page. One grading run is one student's server checked once; its results keep the
        // transcript as text (escaped, bounded by the checker), the evidence shown to the student.
        """
        CREATE TABLE grading_runs (
            id          INTEGER PRIMARY KEY,
            started_at  INTEGER NOT NULL,
            started_by  TEXT    NOT NULL,
            exercise    TEXT    NOT NULL,
            host        TEXT    NOT NULL,
            port        INTEGER NOT NULL,
            student     TEXT    NOT NULL,
            finished_at INTEGER,
            end_state   TEXT
        );
        CREATE INDEX ix_grading_runs_started ON grading_runs (started_at);

        CREATE TABLE grading_results (
            id         INTEGER PRIMARY KEY,
            run_id     INTEGER NOT NULL REFERENCES grading_runs (id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            name       TEXT    NOT NULL,
            result     TEXT    NOT NULL,
            reason     TEXT    NOT NULL,
            ms         INTEGER NOT NULL,
            transcript TEXT
        );
        CREATE UNIQUE INDEX ix_grading_results_run ON grading_results (run_id, position);
        """,
        // 3: the folded text of each line (TextFold: lower case, no accents), which History searches compare, so that
        // CAFÉ finds café. Lines already in the file are folded here, by the function UpgradeAsync registers.
        """
        ALTER TABLE lines ADD COLUMN text_folded TEXT NOT NULL DEFAULT '';
        UPDATE lines SET text_folded = chatops_fold(text);
        """,
        // 4: rooms (Chat:Rooms): each room's runs are lab sessions of their own; earlier runs were the one room, "main".
        """
        ALTER TABLE lab_sessions ADD COLUMN room TEXT NOT NULL DEFAULT 'main';
        """,
        // 5: the roster (students' names by address, or address and port; port 0 is every port of the address, since
        // NULLs are never equal in a key), and an index for the client's port that chat rows take from its connect row.
        """
        CREATE TABLE roster (
            ip         TEXT    NOT NULL,
            port       INTEGER NOT NULL DEFAULT 0,
            name       TEXT    NOT NULL,
            seat       TEXT,
            updated_at INTEGER NOT NULL,
            actor      TEXT    NOT NULL,
            PRIMARY KEY (ip, port)
        );
        CREATE INDEX ix_lines_client ON lines (lab_session_id, client_id);
        """,
        // 6: a grading result's reason as data (its phrase key and values, JSON), so that the Checks page and the
        // exports show it in each reader's language; the reason column keeps the English sentence.
        """
        ALTER TABLE grading_results ADD COLUMN reason_data TEXT;
        """,
    ];

    public static int Version => Migrations.Length;

    /// <summary>The scripts in order (tests build a file as an older ChatOps left it).</summary>
    internal static IReadOnlyList<string> Scripts => Migrations;

    public static async Task UpgradeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var current = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version", cancellationToken), CultureInfo.InvariantCulture);
        if (current > Migrations.Length)
            throw new HistorySchemaException($"{connection.DataSource} has schema version {current}, newer than this ChatOps knows ({Migrations.Length}); use a newer ChatOps or another Data:Path.");
        // Scripts that fill a new column from old rows call the same folding as the writer.
        connection.CreateFunction("chatops_fold", (string? text) => TextFold.Fold(text), isDeterministic: true);
        for (var version = current; version < Migrations.Length; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Migrations[version] + $"\nPRAGMA user_version = {version + 1};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task CloseInterruptedSessionsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE lab_sessions
            SET stopped_at = COALESCE((SELECT MAX(at) FROM lines WHERE lines.lab_session_id = lab_sessions.id), started_at),
                stop_reason = 'Interrupted'
            WHERE stopped_at IS NULL;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
