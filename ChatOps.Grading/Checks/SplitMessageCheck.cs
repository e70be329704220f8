using System.Text;
using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary>
/// <c>split_message</c>: a message sent in several TCP segments, with pauses, is handled as one.
/// </summary>
/// <remarks>
/// The message is longer than <see cref="RecvBuffer"/>, the <c>recv(1024)</c> of the lab's programs, so a server that
/// takes one <c>recv()</c> for one message cuts it whatever the scheduling: pauses alone can be swallowed when the
/// server is starved long enough for every piece to arrive before it reads, and the check would pass a broken server.
/// The pauses still catch servers with a larger buffer, and a server that reads until a silence longer than the pause
/// (the lab's way without newline) handles it as one.
/// </remarks>
internal sealed class SplitMessageCheck : ICheck
{
    /// <summary>The buffer of one <c>recv()</c> in the lab's programs (<c>recv(1024)</c>, <c>read(new byte[1024])</c>).</summary>
    internal const int RecvBuffer = 1024;

    /// <summary>The message's length in UTF-8 bytes: a quarter more than <see cref="RecvBuffer"/>.</summary>
    internal const int MessageBytes = RecvBuffer + (RecvBuffer / 4);

    private static readonly string[] Counting = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];

    public IReadOnlyList<string> Names { get; } = ["split_message"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var token = session.Unique("split", 0);
        var whole = Message(token);
        var cut1 = whole.Length / 3;
        var cut2 = 2 * whole.Length / 3;
        var payload = new Payload([whole[..cut1], whole[cut1..cut2], whole[cut2..]], whole, token);
        var result = await RoundTrip.WithNewClientsAsync(session, payload);
        var bytes = Encoding.UTF8.GetByteCount(whole);
        var pause = Words.Ms(session.Options.SplitPause);
        return result.Outcome switch
        {
            RoundTripOutcome.Whole => [CheckOutcome.Pass("split_message", new("Split.Pass", bytes, pause))],
            RoundTripOutcome.Answered when result.Answers > 1 =>
                [CheckOutcome.Fail("split_message", new("Split.ManyAnswers", bytes, pause, result.Answers))],
            RoundTripOutcome.Answered => [CheckOutcome.Pass("split_message", new("Split.OneAnswer", bytes, pause))],
            _ => [CheckOutcome.Fail("split_message", RoundTripWords.Problem(session, result, payload))],
        };
    }

    /// <summary>The token, then counting words up to <see cref="MessageBytes"/> (ASCII, so bytes are characters).</summary>
    internal static string Message(string token)
    {
        var text = new StringBuilder(token, MessageBytes);
        for (var i = 0; text.Length + 1 + Counting[i % Counting.Length].Length <= MessageBytes; i++)
            text.Append(' ').Append(Counting[i % Counting.Length]);
        return text.ToString();
    }
}
