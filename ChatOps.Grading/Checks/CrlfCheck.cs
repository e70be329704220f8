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
            return [CheckOutcome.Fail("crlf", new("Crlf.TwoAnswers", Words.Quote(extra.Text)))];
        return result.Arrived
            ? [CheckOutcome.Pass("crlf", new("Crlf.Pass"))]
            : [CheckOutcome.Fail("crlf", new("Crlf.Fail", RoundTripWords.Problem(session, result, payload)))];
    }
}
