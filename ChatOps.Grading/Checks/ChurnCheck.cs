using System.Diagnostics;
using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary><c>churn</c>: 100 connect/close cycles, then the server still answers.</summary>
internal sealed class ChurnCheck : ICheck
{
    private const int Cycles = 100;

    public IReadOnlyList<string> Names { get; } = ["churn"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var started = Stopwatch.GetTimestamp();
        // One at a time, as a student who reconnects again and again: a burst would overflow the listen backlog of a
        // server that serves clients in turn (listen(5)) and fail for a reason that is not the server's.
        for (var i = 0; i < Cycles; i++)
        {
            if (await Knock.KnockAsync(session.Run, i, session.Token) is { } why)
                return [CheckOutcome.Fail("churn", new("Churn.Failed", i + 1, Cycles, why))];
        }
        var took = Stopwatch.GetElapsedTime(started);
        session.Note($"{Cycles} connections opened and closed in {Words.Duration(took)}");

        var payload = Payload.Of(session.Unique("churn", 0), "apres la tempete");
        // The 100 closed connections may still wait in the server's backlog, to be accepted and closed one by one:
        // the answer may take longer than usual while the server catches up.
        var result = await RoundTrip.WithNewClientsAsync(session, payload, wait: 3 * session.Options.Timeout);
        return result.Arrived
            ? [CheckOutcome.Pass("churn", new("Churn.Pass", Cycles, Words.Ms(took)))]
            : [CheckOutcome.Fail("churn", new("Churn.Fail", Cycles, RoundTripWords.Problem(session, result, payload)))];
    }
}
