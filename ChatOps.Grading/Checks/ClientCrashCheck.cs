using System.Text;
using ChatOps.Grading.Conversation;
using ChatOps.TcpEngine;

namespace ChatOps.Grading.Checks;

/// <summary><c>client_crash</c>: a client killed abruptly (a reset, in the middle of a message) doesn't stop the server or the others.</summary>
internal sealed class ClientCrashCheck : ICheck
{
    public IReadOnlyList<string> Names { get; } = ["client_crash"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var exercise = session.Run.Exercise;
        var sequential = exercise is ChatMode.Sync or ChatMode.Async;
        CheckConnection? crasher = null;
        if (sequential)
            crasher = await session.ConnectAsync("X", 2); // Served first: its crash must hand the turn to the next client.
        var b = await session.ConnectAsync("B", 1);
        var c = exercise == ChatMode.Relay ? await session.ConnectAsync("C", 2) : b;
        crasher ??= await session.ConnectAsync("X", 2);
        // Every client is accepted by the server before the crash (in sync and async, B must be the one waiting).
        await session.SettleAsync();
        await crasher.SendRawAsync(Encoding.UTF8.GetBytes(session.Unique("crash", 0) + " a moit"), session.Token);
        await Task.Delay(session.Options.SplitPause, session.Token); // The half message reaches the server before the reset.
        crasher.Reset();
        // A server that dies of the reset does so as soon as it reads it: give it that moment before judging the others.
        await Task.Delay(session.Options.Quiet, session.Token);

        var othersPayload = Payload.Of(session.Unique("crash", 1), "toujours la");
        var others = await RoundTrip.ThroughAsync(session, b, c, othersPayload);
        if (!others.Arrived)
        {
            var problem = RoundTripWords.Problem(session, others, othersPayload);
            return [Fail(sequential ? new("Crash.WaitingNotServed", problem) : new("Crash.OthersStopped", problem))];
        }
        if (sequential)
            await b.DisposeAsync();

        var newPayload = Payload.Of(session.Unique("crash", 2), "nouveau");
        RoundTripResult fresh;
        try
        {
            fresh = await RoundTrip.WithNewClientsAsync(session, newPayload, "2");
        }
        catch (CheckFailure failure)
        {
            return [Fail(new("Crash.CannotConnect", failure.Reason))];
        }
        return fresh.Arrived
            ? [CheckOutcome.Pass("client_crash", new("Crash.Pass"))]
            : [Fail(new("Crash.NotServed", RoundTripWords.Problem(session, fresh, newPayload)))];
    }

    private static CheckOutcome Fail(CheckReason reason) => CheckOutcome.Fail("client_crash", reason);
}
