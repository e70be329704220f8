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
            return [Fail($"after bye, your server did not close the connection within {Words.Duration(session.Options.Timeout)}")];

        var payload = Payload.Of(session.Unique("bye", 0), "encore la ?");
        RoundTripResult after;
        try
        {
            after = await RoundTrip.WithNewClientsAsync(session, payload, "2");
        }
        catch (CheckFailure failure)
        {
            return [Fail($"after a client said bye, a new client could not connect ({failure.Message}): did your server stop?")];
        }
        return after.Arrived
            ? [CheckOutcome.Pass("bye", "bye closed that client's connection, and a new client was served after it")]
            : [Fail("after a client said bye, a new client was not served: " + RoundTripWords.Problem(session, after, payload))];
    }

    private static CheckOutcome Fail(string reason) => CheckOutcome.Fail("bye", reason);
}
