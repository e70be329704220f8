using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary>
/// <c>reconnect</c> (sync, async): after the served client leaves, by bye or by closing, the next one is served, and a
/// client can connect again.
/// </summary>
internal sealed class ReconnectCheck : ICheck
{
    public IReadOnlyList<string> Names { get; } = ["reconnect"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var first = await session.ConnectAsync("A");
        await RoundTrip.SkipGreetingAsync(session, first);
        var firstPayload = Payload.Of(session.Unique("again", 0), "premier");
        var served = await RoundTrip.ThroughAsync(session, first, first, firstPayload);
        if (!served.Arrived)
            return [Fail(new("Reconnect.FirstNotServed", RoundTripWords.Problem(session, served, firstPayload)))];

        var waiting = await session.ConnectAsync("B", 1);
        // B must be waiting while A is served: a connection the kernel completed may not be accepted by the server yet.
        await session.SettleAsync();
        await session.SendAsync(first, "bye");
        if (await first.WaitClosedAsync(session.Options.Timeout, session.Token) is null)
            return [Fail(new("Bye.NotClosed", Words.Ms(session.Options.Timeout)))];
        var nextPayload = Payload.Of(session.Unique("again", 1), "suivant");
        var next = await RoundTrip.ThroughAsync(session, waiting, waiting, nextPayload);
        if (!next.Arrived)
            return [Fail(new("Reconnect.WaitingNotServed", RoundTripWords.Problem(session, next, nextPayload)))];

        await waiting.DisposeAsync();
        session.Note("B closes its connection without bye");
        var againPayload = Payload.Of(session.Unique("again", 2), "de retour");
        RoundTripResult again;
        try
        {
            again = await RoundTrip.WithNewClientsAsync(session, againPayload, "2");
        }
        catch (CheckFailure failure)
        {
            return [Fail(new("Reconnect.CannotConnect", failure.Reason))];
        }
        return again.Arrived
            ? [CheckOutcome.Pass("reconnect", new("Reconnect.Pass"))]
            : [Fail(new("Reconnect.NotServed", RoundTripWords.Problem(session, again, againPayload)))];
    }

    private static CheckOutcome Fail(CheckReason reason) => CheckOutcome.Fail("reconnect", reason);
}
