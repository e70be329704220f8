namespace ChatOps.History.Status;

/// <summary>A snapshot of the history's state, for the dashboard's status bar.</summary>
/// <param name="IsFaulted">The last attempt to write failed; the engine keeps relaying, lines wait in memory (bounded).</param>
/// <param name="LastError">The last failure, in one line (kept after recovery, with <paramref name="LastErrorAt"/>).</param>
/// <param name="LinesWritten">History lines written since start.</param>
/// <param name="EventsDropped">Events lost: the writer fell behind, or the database stayed down too long.</param>
/// <param name="Pending">Events waiting to be written.</param>
public sealed record HistoryHealth(
    string DatabaseFile,
    bool IsFaulted,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastWriteAt,
    long LinesWritten,
    long EventsDropped,
    int Pending);
