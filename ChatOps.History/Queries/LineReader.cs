using ChatOps.History.Storage;
using Microsoft.Data.Sqlite;

namespace ChatOps.History.Queries;

internal static class LineReader
{
    /// <summary>
    /// The columns of <c>FROM lines</c>. A client's chat lines and notices carry no port (the engine's line events have
    /// none): it is taken from the client's connect row of the same lab session, so every row shows the full endpoint.
    /// </summary>
    public const string Columns = """
        id, lab_session_id, at, kind, client_id, ip,
        COALESCE(port, (SELECT c.port FROM lines c WHERE c.lab_session_id = lines.lab_session_id AND c.client_id = lines.client_id
            AND c.port IS NOT NULL LIMIT 1)),
        text, actor, detail, recipients
        """;

    public static HistoryLine Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        UnixMs.To(r.GetInt64(2)),
        Enum.Parse<LineKind>(r.GetString(3)),
        r.IsDBNull(4) ? null : r.GetInt64(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetInt32(6),
        r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetInt32(10));
}
