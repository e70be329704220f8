using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary><c>order</c>: 50 messages from A arrive at B in order, none lost or duplicated.</summary>
internal sealed class OrderCheck : ICheck
{
    private const int Lines = 50;

    // Without newlines every message needs a pause after it (CheckOptions.MessagePause): 12 keep the check to a few seconds.
    private const int Messages = 12;

    // Lines are written 20 ms apart: ChatOps's own defaults take 40 lines at once and 20 a second, and the check must
    // not be what floods. A student's server has no such limit; this still sends 50 lines in one second.
    private static readonly TimeSpan LinePace = TimeSpan.FromMilliseconds(20);

    public IReadOnlyList<string> Names { get; } = ["order"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var b = await session.ConnectAsync("B", 1);
        var a = await session.ConnectAsync("A", 0);
        await session.SettleAsync();
        var first = await DialectProbe.SendAsync(session, a, session.Unique("order", 0), b, m => m.Contains(session.Unique("order", 0)));
        if (first is null)
            return [CheckOutcome.Fail("order", new("Order.Nothing", Words.Ms(session.Options.Timeout)))];
        var count = session.Run.Dialect == Dialect.Messages ? Messages : Lines;
        for (var i = 1; i < count; i++)
        {
            if (session.Run.Dialect == Dialect.Lines)
                await Task.Delay(LinePace, session.Token);
            await session.SendAsync(a, session.Unique("order", i));
        }
        var prefix = $"order-{session.Run.Tag}-";
        var last = session.Unique("order", count - 1);
        await b.WaitUntilAsync(all => all.Any(m => m.Contains(last)), session.Options.Timeout, session.Token);
        var got = Sequence.Numbers((await b.AfterQuietAsync(0, session.Options.Quiet, session.Token)).Select(m => m.Text), prefix);
        return Sequence.Problem(got, count, "A") is { } problem
            ? [CheckOutcome.Fail("order", new("Order.Problem", problem))]
            : [CheckOutcome.Pass("order", new("Order.Pass", count))];
    }
}
