using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary><c>split_message</c>: a message sent in several TCP segments, with pauses, is handled as one.</summary>
internal sealed class SplitMessageCheck : ICheck
{
    public IReadOnlyList<string> Names { get; } = ["split_message"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var whole = session.Unique("split", 0) + " un deux trois";
        var cut1 = whole.Length / 3;
        var cut2 = 2 * whole.Length / 3;
        var payload = new Payload([whole[..cut1], whole[cut1..cut2], whole[cut2..]], whole, session.Unique("split", 0));
        var result = await RoundTrip.WithNewClientsAsync(session, payload);
        var pause = Words.Duration(session.Options.SplitPause);
        return result.Outcome switch
        {
            RoundTripOutcome.Whole => [CheckOutcome.Pass("split_message", $"a message written in 3 pieces, {pause} apart, was handled as one")],
            RoundTripOutcome.Answered when result.Answers >= payload.Pieces.Count =>
                [CheckOutcome.Fail("split_message", $"a message written in 3 pieces, {pause} apart, got {result.Answers} answers: your server took each piece for a message")],
            RoundTripOutcome.Answered => [CheckOutcome.Pass("split_message", $"a message written in 3 pieces, {pause} apart, got one answer")],
            _ => [CheckOutcome.Fail("split_message", RoundTripWords.Problem(session, result, payload))],
        };
    }
}
