using ChatOps.Grading.Conversation;
using ChatOps.TcpEngine;

namespace ChatOps.Grading.Checks;

/// <summary><c>crlf</c>: a message ending in <c>\r\n</c> (telnet, Windows, PuTTY) works.</summary>
internal sealed class CrlfCheck : ICheck
{
    public IReadOnlyList<string> Names { get; } = ["crlf"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var token = session.Unique("crlf", 0);
        var text = token + " windows";
        var payload = new Payload([text + "\r\n"], text, token, AddLineEnd: false);
        var result = await RoundTrip.WithNewClientsAsync(session, payload);
        // An answer that quotes the message and one that does not: the second answered an empty line between \r and \n.
        if (result.Outcome == RoundTripOutcome.Whole && session.Run.Exercise == ChatMode.Sync && result.Seen.FirstOrDefault(m => !m.Contains(token)) is { } extra)
            return [CheckOutcome.Fail("crlf", $"a message ending in \\r\\n got a second answer, {Words.Quote(extra.Text)}: your server takes \\r and \\n for two line ends (a line ends at \\n; drop the \\r before it)")];
        return result.Arrived
            ? [CheckOutcome.Pass("crlf", "a message ending in \\r\\n was handled like any other")]
            : [CheckOutcome.Fail("crlf", "a message ending in \\r\\n: " + RoundTripWords.Problem(session, result, payload))];
    }
}
