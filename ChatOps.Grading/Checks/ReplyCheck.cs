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
            {
                var problem = RoundTripWords.Problem(session, result, payloads[i]);
                return [Fail(i > 0 ? new("Reply.Later", problem, i + 1) : problem)];
            }
            if (sync && result.Answers > 1)
                return [Fail(new("Reply.Many", result.Answers, Words.Quote(payloads[i].Expected)))];
            if (sync && payloads.Where((_, j) => j != i).Any(p => result.Got!.Contains(p.Token)))
                return [Fail(new("Reply.OtherMessage", Words.Quote(payloads[i].Expected), Words.Quote(result.Got!.Text)))];
        }
        return [CheckOutcome.Pass("reply", sync ? new("Reply.PassSync", Messages) : new("Reply.PassAsync", Messages))];
    }

    private static CheckOutcome Fail(CheckReason reason) => CheckOutcome.Fail("reply", reason);
}
