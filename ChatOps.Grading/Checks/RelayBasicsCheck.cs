using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary>
/// <c>relay_to_others</c>, <c>sender_ip</c> and <c>no_self_echo</c>, judged on one conversation: A writes, B and C must
/// receive it with A's address, and A must not get it back.
/// </summary>
internal sealed class RelayBasicsCheck : ICheck
{
    public IReadOnlyList<string> Names { get; } = ["relay_to_others", "sender_ip", "no_self_echo"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var b = await session.ConnectAsync("B", 1);
        var c = await session.ConnectAsync("C", 2);
        var a = await session.ConnectAsync("A", 0);
        await session.SettleAsync();
        var text = session.Unique("relay", 0) + " salut";
        var fromA = a.MessageCount;
        var atB = await DialectProbe.SendAsync(session, a, text, b, m => m.Contains(text));
        var atC = await c.WaitForAsync(m => m.Contains(text), 0, atB is null ? TimeSpan.Zero : session.Options.Timeout, session.Token);
        var backToA = (await a.AfterQuietAsync(fromA, session.Options.Quiet, session.Token)).FirstOrDefault(m => m.Contains(text));
        return [RelayToOthers(session, text, atB, atC, backToA), SenderIp(a, b, text, atB), NoSelfEcho(text, atB ?? atC, backToA)];
    }

    private static CheckOutcome RelayToOthers(CheckSession session, string text, ReceivedMessage? atB, ReceivedMessage? atC, ReceivedMessage? backToA)
    {
        const string name = "relay_to_others";
        var timeout = Words.Duration(session.Options.Timeout);
        return (atB, atC) switch
        {
            (not null, not null) => CheckOutcome.Pass(name, "A's message reached B and C"),
            (null, null) when backToA is not null => CheckOutcome.Fail(name, $"A's message {Words.Quote(text)} came back to A only; B and C got nothing within {timeout}"),
            (null, null) => CheckOutcome.Fail(name, $"A sent {Words.Quote(text)}; neither B nor C got it within {timeout}"),
            (null, _) => CheckOutcome.Fail(name, $"C got A's message but B did not within {timeout}"),
            _ => CheckOutcome.Fail(name, $"B got A's message but C did not within {timeout} (does your server send to one other client only?)"),
        };
    }

    private static CheckOutcome SenderIp(CheckConnection a, CheckConnection b, string text, ReceivedMessage? atB)
    {
        const string name = "sender_ip";
        if (atB is null)
            return CheckOutcome.Skip(name, "B got nothing from A, so there was no address to look for");
        if (!IpMention.NamesBefore(atB.Text, a.Ip, text))
            return CheckOutcome.Fail(name, $"B got {Words.Quote(atB.Text)}, which does not name A's address {a.Ip} (expected e.g. \"[{a.Ip}] {text}\")");
        var same = a.Ip == b.Ip ? $" (A and B both came from {a.Ip}: --from tells them apart)" : "";
        return CheckOutcome.Pass(name, $"B got {Words.Quote(atB.Text)}: it names A ({a.Ip}){same}");
    }

    private static CheckOutcome NoSelfEcho(string text, ReceivedMessage? atOthers, ReceivedMessage? backToA)
    {
        const string name = "no_self_echo";
        if (backToA is not null)
            return CheckOutcome.Fail(name, $"your server sent the message back to its sender: A got {Words.Quote(backToA.Text)} (expected: only the others)");
        if (atOthers is null)
            return CheckOutcome.Skip(name, "the message reached nobody, so this says nothing");
        return CheckOutcome.Pass(name, "A did not get its own message back");
    }
}
