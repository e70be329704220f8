using ChatOps.Grading.Conversation;
using ChatOps.TcpEngine;

namespace ChatOps.Grading.Checks;

/// <summary><c>reply</c>: a message gets an answer; in sync, exactly one answer per message, in order.</summary>
internal sealed class ReplyCheck : ICheck
{
    private const int Messages = 3;

    public IReadOnlyList<string> Names { get; } = ["reply"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var sync = session.Run.Exercise == ChatMode.Sync;
        var payloads = Enumerable.Range(0, Messages).Select(i => Payload.Of(session.Unique("reply", i), $"question {i + 1}")).ToList();
        var client = await session.ConnectAsync("A");
        await RoundTrip.SkipGreetingAsync(session, client);
        for (var i = 0; i < Messages; i++)
        {
            var result = await RoundTrip.ThroughAsync(session, client, client, payloads[i]);
            if (result.Outcome == RoundTripOutcome.Nothing)
                return [Fail(RoundTripWords.Problem(session, result, payloads[i]) + (i > 0 ? $" (message {i + 1}; the earlier ones were answered)" : ""))];
            if (sync && result.Answers > 1)
                return [Fail($"your server answered {result.Answers} times to {Words.Quote(payloads[i].Expected)} (expected exactly one answer per message)")];
            if (sync && payloads.Where((_, j) => j != i).Any(p => result.Got!.Contains(p.Token)))
                return [Fail($"the answer to {Words.Quote(payloads[i].Expected)} was {Words.Quote(result.Got!.Text)}, about another message (expected the answers in order)")];
        }
        return [CheckOutcome.Pass("reply", sync
            ? $"each of {Messages} messages got exactly one answer, in order"
            : $"each of {Messages} messages got an answer")];
    }

    private static CheckOutcome Fail(string reason) => CheckOutcome.Fail("reply", reason);
}
