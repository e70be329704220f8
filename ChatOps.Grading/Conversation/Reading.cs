namespace ChatOps.Grading.Conversation;

/// <summary>What a check's client does with what the server sends.</summary>
internal enum Reading
{
    /// <summary>Reads, frames and keeps every message (and the bytes in the transcript).</summary>
    Keep,

    /// <summary>Reads and throws away: a client that only helps load the server.</summary>
    Discard,

    /// <summary>Never reads, with a small receive buffer: the slow reader.</summary>
    Never,
}
