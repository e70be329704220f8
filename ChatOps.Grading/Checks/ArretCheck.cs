using ChatOps.Grading.Conversation;
using ChatOps.TcpEngine;

namespace ChatOps.Grading.Checks;

/// <summary><c>arret</c> (only with <c>--arret</c>, last): <c>arret</c> ends the clients and the server; the port refuses connections.</summary>
internal sealed class ArretCheck : ICheck
{
    private static readonly TimeSpan KnockEvery = TimeSpan.FromMilliseconds(300);

    public IReadOnlyList<string> Names { get; } = ["arret"];

    public static CheckOutcome NotAsked => CheckOutcome.Skip("arret", new("Arret.NotAsked"));

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var sequential = session.Run.Exercise is ChatMode.Sync or ChatMode.Async;
        var a = await session.ConnectAsync("A");
        if (sequential)
            await RoundTrip.SkipGreetingAsync(session, a);
        var other = await session.ConnectAsync("B", 1);
        if (session.Run.Exercise == ChatMode.Relay)
            await session.SettleAsync();
        await session.SendAsync(a, "arret");

        var deadline = DateTime.UtcNow + session.Options.Timeout;
        CheckReason? refused;
        do
        {
            await Task.Delay(KnockEvery, session.Token);
            refused = await Knock.KnockAsync(session.Run, 0, session.Token);
        }
        while (refused is null && DateTime.UtcNow < deadline);
        if (refused is null)
            return [CheckOutcome.Fail("arret", new("Arret.StillAccepting", Words.Ms(session.Options.Timeout)))];

        if (await a.WaitClosedAsync(KnockEvery, session.Token) is null)
            return [CheckOutcome.Fail("arret", new("Arret.SenderOpen"))];
        if (await other.WaitClosedAsync(KnockEvery, session.Token) is null)
            return [CheckOutcome.Fail("arret", sequential ? new("Arret.WaitingOpen") : new("Arret.OtherOpen"))];
        return [CheckOutcome.Pass("arret", new("Arret.Pass", refused))];
    }
}
