using ChatOps.TcpEngine;

namespace ChatOps.Grading.Conversation;

/// <summary>
/// One message through the exercise, judged the same way by every check that needs one: in echo it comes back to its
/// sender, in sync and async the server answers it, in relay another client receives it.
/// </summary>
internal static class RoundTrip
{
    /// <summary>With new clients: echo, sync and async one client (A); relay a receiver (B) then a sender (A).</summary>
    /// <param name="wait">How long the answer may take (default: the timeout).</param>
    public static async Task<RoundTripResult> WithNewClientsAsync(CheckSession session, Payload payload, string suffix = "", TimeSpan? wait = null)
    {
        if (session.Run.Exercise == ChatMode.Relay)
        {
            var receiver = await session.ConnectAsync("B" + suffix, 1);
            var sender = await session.ConnectAsync("A" + suffix, 0);
            await session.SettleAsync();
            return await ThroughAsync(session, sender, receiver, payload, wait);
        }
        var client = await session.ConnectAsync("A" + suffix, 0);
        if (session.Run.Exercise is ChatMode.Sync or ChatMode.Async)
            await SkipGreetingAsync(session, client);
        return await ThroughAsync(session, client, client, payload, wait);
    }

    /// <summary>Lets a new client's greeting ("Bienvenue !") pass before its first message, so it is not taken for an answer.</summary>
    public static Task SkipGreetingAsync(CheckSession session, CheckConnection client) =>
        client.AfterQuietAsync(0, session.Options.Quiet, session.Token);

    public static async Task<RoundTripResult> ThroughAsync(CheckSession session, CheckConnection sender, CheckConnection listener, Payload payload, TimeSpan? wait = null)
    {
        var from = listener.MessageCount;
        var answers = session.Run.Exercise is ChatMode.Sync or ChatMode.Async;
        Func<ReceivedMessage, bool> arrived = answers ? m => !Notices.IsNotice(m)
            : session.Run.Exercise == ChatMode.Echo ? m => m.Text == payload.Expected
            : m => m.Contains(payload.Expected);

        var got = await WriteAsync(session, sender, listener, payload, arrived, from, wait ?? session.Options.Timeout);
        if (answers)
        {
            if (got is null)
                return new RoundTripResult(RoundTripOutcome.Nothing, null, []);
            var all = (await listener.AfterQuietAsync(from, session.Options.Quiet, session.Token)).Where(m => !Notices.IsNotice(m)).ToList();
            return Classify(payload, all) ?? new RoundTripResult(RoundTripOutcome.Answered, all[0], all);
        }
        if (got is not null)
            return new RoundTripResult(RoundTripOutcome.Whole, got, [got]);
        var seen = listener.Messages.Skip(from).Where(m => !Notices.IsNotice(m)).ToList();
        var echo = session.Run.Exercise == ChatMode.Echo;
        if (Classify(payload, seen) is { } classified)
            return echo && classified.Outcome == RoundTripOutcome.Whole ? classified with { Outcome = RoundTripOutcome.Changed } : classified;
        return echo && seen.Count > 0
                ? new RoundTripResult(RoundTripOutcome.Changed, seen[0], seen)
                : new RoundTripResult(RoundTripOutcome.Nothing, null, []);
    }

    private static async Task<ReceivedMessage?> WriteAsync(CheckSession session, CheckConnection sender, CheckConnection listener, Payload payload, Func<ReceivedMessage, bool> arrived, int from, TimeSpan wait)
    {
        if (!payload.IsSplit && payload.AddLineEnd && session.Run.Dialect == Dialect.Unknown)
            return await DialectProbe.SendAsync(session, sender, payload.Expected, listener, arrived);
        await sender.SendPiecesAsync(payload.Pieces, session.Options.SplitPause, payload.AddLineEnd, session.Run.Dialect, session.Token);
        return await listener.WaitForAsync(arrived, from, wait, session.Token);
    }

    /// <summary>Whole, in pieces, or changed, from what arrived; null when nothing quotes the message.</summary>
    private static RoundTripResult? Classify(Payload payload, IReadOnlyList<ReceivedMessage> seen)
    {
        if (seen.FirstOrDefault(m => m.Contains(payload.Expected)) is { } whole)
            return new RoundTripResult(RoundTripOutcome.Whole, whole, seen);
        if (payload.IsSplit && seen.FirstOrDefault(m => payload.Pieces.Any(m.Contains) || m.Contains(payload.Token)) is { } piece)
            return new RoundTripResult(RoundTripOutcome.Pieces, piece, seen);
        if (seen.FirstOrDefault(m => m.Contains(payload.Token)) is { } changed)
            return new RoundTripResult(RoundTripOutcome.Changed, changed, seen);
        return null;
    }
}
