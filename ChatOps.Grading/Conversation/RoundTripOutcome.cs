namespace ChatOps.Grading.Conversation;

internal enum RoundTripOutcome
{
    /// <summary>The message arrived whole (echo: unchanged; sync/async: an answer quotes it).</summary>
    Whole,

    /// <summary>An answer came that does not quote the message (sync/async only): nothing to compare, but an answer.</summary>
    Answered,

    /// <summary>Parts of the message arrived as separate messages.</summary>
    Pieces,

    /// <summary>The message arrived, but not as sent (another charset, a prefix on an echo).</summary>
    Changed,

    /// <summary>Nothing arrived.</summary>
    Nothing,
}
