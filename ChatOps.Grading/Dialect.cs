namespace ChatOps.Grading;

/// <summary>How the server expects messages: lines ending with a newline, or one write per message followed by silence.</summary>
internal enum Dialect
{
    /// <summary>Not known yet: the first message of a run finds out.</summary>
    Unknown,
    Lines,
    Messages,
}
