namespace ChatOps.Grading.Conversation;

/// <summary>What became of one message: the outcome, the message that shows it (if any), and, for sync/async, the answers that came.</summary>
internal sealed record RoundTripResult(RoundTripOutcome Outcome, ReceivedMessage? Got, IReadOnlyList<ReceivedMessage> Seen)
{
    public int Answers => Seen.Count;

    public bool Arrived => Outcome is RoundTripOutcome.Whole or RoundTripOutcome.Answered;
}
