using ChatOps.Grading.Conversation;
using ChatOps.TcpEngine;

namespace ChatOps.Grading.Checks;

/// <summary><c>arret</c> (only with <c>--arret</c>, last): <c>arret</c> ends the clients and the server; the port refuses connections.</summary>
internal sealed class ArretCheck : ICheck
{
    private static readonly TimeSpan KnockEvery = TimeSpan.FromMilliseconds(300);

    public IReadOnlyList<string> Names { get; } = ["arret"];

    public static CheckOutcome NotAsked => CheckOutcome.Skip("arret", "not sent: add --arret to check it (it stops your server)");

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
        string? refused;
        do
        {
            await Task.Delay(KnockEvery, session.Token);
            refused = await Knock.KnockAsync(session.Run, 0, session.Token);
        }
        while (refused is null && DateTime.UtcNow < deadline);
        if (refused is null)
            return [CheckOutcome.Fail("arret", $"after arret, your server still accepted connections {Words.Duration(session.Options.Timeout)} later (expected: it stops, and the port refuses connections)")];

        var otherName = sequential ? "the client waiting for its turn" : "client B";
        if (await a.WaitClosedAsync(KnockEvery, session.Token) is null)
            return [CheckOutcome.Fail("arret", "after arret, the server stopped listening but the connection of the client that sent arret stayed open")];
        if (await other.WaitClosedAsync(KnockEvery, session.Token) is null)
            return [CheckOutcome.Fail("arret", $"after arret, the server stopped listening but {otherName} stayed connected")];
        return [CheckOutcome.Pass("arret", $"arret closed the clients and the server: the port now refuses connections ({refused})")];
    }
}
