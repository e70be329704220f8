namespace ChatOps.History.Queries;

/// <summary>What a history line records. Stored by name, so the file reads plainly in any SQLite browser.</summary>
public enum LineKind
{
    /// <summary>The engine started listening (a lab session begins).</summary>
    Started,

    /// <summary>The engine stopped (a lab session ends): arret, shutdown or stop.</summary>
    Stopped,

    Connected,
    Disconnected,

    /// <summary>A client's chat line.</summary>
    Chat,

    /// <summary>A client said the protocol word <c>bye</c>.</summary>
    Bye,

    /// <summary>A client said the protocol word <c>arret</c>.</summary>
    Arret,

    /// <summary>A line the teacher sent, to everyone or to one client.</summary>
    Operator,

    /// <summary>The server told a client off or turned it away (line too long, flood, refused, ...).</summary>
    Notice,

    ModeChanged,

    /// <summary>Sync and async modes: which client is served now.</summary>
    Serving,
}
