namespace ChatOps.Grading.Conversation;

internal enum TranscriptDirection
{
    /// <summary>Bytes the checker wrote to the server.</summary>
    Sent,

    /// <summary>Bytes the server wrote to the checker.</summary>
    Received,

    /// <summary>Something that is not bytes: a connection opened or closed, a decision of the check.</summary>
    Note,
}

/// <summary>One event of a check's conversation; <see cref="Bytes"/> for sent and received data, <see cref="Text"/> for notes.</summary>
internal sealed record TranscriptEntry(TimeSpan At, string Who, TranscriptDirection Direction, byte[]? Bytes, string? Text);
