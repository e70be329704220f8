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
        var timeout = Words.Ms(session.Options.Timeout);
        return (atB, atC) switch
        {
            (not null, not null) => CheckOutcome.Pass(name, new("Relay.Pass")),
            (null, null) when backToA is not null => CheckOutcome.Fail(name, new("Relay.BackToSenderOnly", Words.Quote(text), timeout)),
            (null, null) => CheckOutcome.Fail(name, new("Relay.Nobody", Words.Quote(text), timeout)),
            (null, _) => CheckOutcome.Fail(name, new("Relay.OnlyC", timeout)),
            _ => CheckOutcome.Fail(name, new("Relay.OnlyB", timeout)),
        };
    }

    private static CheckOutcome SenderIp(CheckConnection a, CheckConnection b, string text, ReceivedMessage? atB)
    {
        const string name = "sender_ip";
        if (atB is null)
            return CheckOutcome.Skip(name, new("SenderIp.Nothing"));
        if (!IpMention.NamesBefore(atB.Text, a.Ip, text))
            return CheckOutcome.Fail(name, new("SenderIp.Missing", Words.Quote(atB.Text), a.Ip, text));
        return CheckOutcome.Pass(name, new(a.Ip == b.Ip ? "SenderIp.PassSameAddress" : "SenderIp.Pass", Words.Quote(atB.Text), a.Ip));
    }

    private static CheckOutcome NoSelfEcho(string text, ReceivedMessage? atOthers, ReceivedMessage? backToA)
    {
        const string name = "no_self_echo";
        if (backToA is not null)
            return CheckOutcome.Fail(name, new("SelfEcho.Fail", Words.Quote(backToA.Text)));
        if (atOthers is null)
            return CheckOutcome.Skip(name, new("SelfEcho.Nobody"));
        return CheckOutcome.Pass(name, new("SelfEcho.Pass"));
    }
}
