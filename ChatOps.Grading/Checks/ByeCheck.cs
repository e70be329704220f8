using ChatOps.Grading.Conversation;
using ChatOps.TcpEngine;

namespace ChatOps.Grading.Checks;

/// <summary><c>bye</c>: <c>bye</c> ends that client; the server keeps accepting.</summary>
internal sealed class ByeCheck : ICheck
{
    public IReadOnlyList<string> Names { get; } = ["bye"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var client = await session.ConnectAsync("A");
        if (session.Run.Exercise is ChatMode.Sync or ChatMode.Async)
            await RoundTrip.SkipGreetingAsync(session, client);
        await session.SendAsync(client, "bye");
        if (await client.WaitClosedAsync(session.Options.Timeout, session.Token) is null)
            return [Fail(new("Bye.NotClosed", Words.Ms(session.Options.Timeout)))];

        var payload = Payload.Of(session.Unique("bye", 0), "encore la ?");
        RoundTripResult after;
        try
        {
            after = await RoundTrip.WithNewClientsAsync(session, payload, "2");
        }
        catch (CheckFailure failure)
        {
            return [Fail(new("Bye.CannotConnect", failure.Reason))];
        }
        return after.Arrived
            ? [CheckOutcome.Pass("bye", new("Bye.Pass"))]
            : [Fail(new("Bye.NotServed", RoundTripWords.Problem(session, after, payload)))];
    }

    private static CheckOutcome Fail(CheckReason reason) => CheckOutcome.Fail("bye", reason);
}
