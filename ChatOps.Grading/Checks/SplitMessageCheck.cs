using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary><c>split_message</c>: a message sent in several TCP segments, with pauses, is handled as one.</summary>
internal sealed class SplitMessageCheck : ICheck
{
    /// <summary>
    /// A server that takes each <c>recv()</c> for a message shows it only when it reads a piece before the next arrives;
    /// starved for longer than the pause (a loaded machine), it reads the pieces together and looks right. Each attempt,
    /// on the same clients, is another chance to see it: the check fails at the first split and passes when every
    /// attempt came whole.
    /// </summary>
    public const int Attempts = 3;

    public IReadOnlyList<string> Names { get; } = ["split_message"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var pause = Words.Duration(session.Options.SplitPause);
        var (sender, listener) = await RoundTrip.NewClientsAsync(session);
        var verdict = "";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var payload = PayloadFor(session, attempt);
            var result = await RoundTrip.ThroughAsync(session, sender, listener, payload);
            switch (result.Outcome)
            {
                case RoundTripOutcome.Whole:
                    verdict = $"a message written in 3 pieces, {pause} apart, was handled as one ({Attempts} times)";
                    break;
                case RoundTripOutcome.Answered when result.Answers >= payload.Pieces.Count:
                    return [CheckOutcome.Fail("split_message", $"a message written in 3 pieces, {pause} apart, got {result.Answers} answers: your server took each piece for a message")];
                case RoundTripOutcome.Answered:
                    verdict = $"a message written in 3 pieces, {pause} apart, got one answer ({Attempts} times)";
                    break;
                default:
                    return [CheckOutcome.Fail("split_message", RoundTripWords.Problem(session, result, payload))];
            }
        }
        return [CheckOutcome.Pass("split_message", verdict)];
    }

    private static Payload PayloadFor(CheckSession session, int attempt)
    {
        var whole = session.Unique("split", attempt) + " un deux trois";
        var cut1 = whole.Length / 3;
        var cut2 = 2 * whole.Length / 3;
        return new Payload([whole[..cut1], whole[cut1..cut2], whole[cut2..]], whole, session.Unique("split", attempt));
    }
}
