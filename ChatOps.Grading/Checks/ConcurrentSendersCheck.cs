using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary><c>concurrent_senders</c>: A and B send at the same time; C gets all messages of both, none glued together.</summary>
internal sealed class ConcurrentSendersCheck : ICheck
{
    private const int Lines = 20;
    private const int Messages = 5;
    private static readonly TimeSpan LinePace = TimeSpan.FromMilliseconds(20);

    public IReadOnlyList<string> Names { get; } = ["concurrent_senders"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var c = await session.ConnectAsync("C", 2);
        var a = await session.ConnectAsync("A", 0);
        var b = await session.ConnectAsync("B", 1);
        await session.SettleAsync();
        if (session.Run.Dialect == Dialect.Unknown)
            await DialectProbe.SendAsync(session, a, session.Unique("warmup", 0), c, m => m.Contains(session.Unique("warmup", 0)));
        var count = session.Run.Dialect == Dialect.Messages ? Messages : Lines;
        var from = c.MessageCount;
        await Task.WhenAll(SendAllAsync(session, a, "concA", count), SendAllAsync(session, b, "concB", count));

        string Last(string word) => session.Unique(word, count - 1);
        await c.WaitUntilAsync(all => all.Any(m => m.Contains(Last("concA"))) && all.Any(m => m.Contains(Last("concB"))), session.Options.Timeout, session.Token);
        var heard = (await c.AfterQuietAsync(from, session.Options.Quiet, session.Token)).Select(m => m.Text).ToList();

        var prefixA = $"concA-{session.Run.Tag}-";
        var prefixB = $"concB-{session.Run.Tag}-";
        var problem = Sequence.Problem(Sequence.Numbers(heard, prefixA), count, "A")
            ?? Sequence.Problem(Sequence.Numbers(heard, prefixB), count, "B");
        if (problem is not null)
            return [CheckOutcome.Fail("concurrent_senders", new("Concurrent.Problem", problem))];
        var glued = heard.SelectMany(t => IpMention.SplitAt(t, [a.Ip, b.Ip]))
            .FirstOrDefault(part => Sequence.Numbers([part], prefixA).Count + Sequence.Numbers([part], prefixB).Count > 1);
        if (glued is not null)
            return [CheckOutcome.Fail("concurrent_senders", new("Concurrent.Glued", Words.Quote(glued)))];
        return [CheckOutcome.Pass("concurrent_senders", new("Concurrent.Pass", count, 2 * count))];
    }

    private static async Task SendAllAsync(CheckSession session, CheckConnection client, string word, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (session.Run.Dialect == Dialect.Lines && i > 0)
                await Task.Delay(LinePace, session.Token);
            await session.SendAsync(client, session.Unique(word, i));
        }
    }
}
