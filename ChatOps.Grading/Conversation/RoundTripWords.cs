using ChatOps.TcpEngine;

namespace ChatOps.Grading.Conversation;

/// <summary>What went wrong with one message, said to a student.</summary>
internal static class RoundTripWords
{
    public static string Problem(CheckSession session, RoundTripResult result, Payload payload)
    {
        var exercise = session.Run.Exercise;
        var timeout = Words.Duration(session.Options.Timeout);
        var got = result.Got is { } m ? Words.Quote(m.Text) : "nothing";
        return result.Outcome switch
        {
            RoundTripOutcome.Nothing => exercise switch
            {
                ChatMode.Echo => $"nothing came back within {timeout} after {Words.Quote(payload.Expected)}",
                ChatMode.Relay => $"the other client got nothing within {timeout} after {Words.Quote(payload.Expected)}",
                _ => $"no answer within {timeout} to {Words.Quote(payload.Expected)}",
            },
            RoundTripOutcome.Pieces =>
                $"the message was handled in pieces: got {got} (expected one message {Words.Quote(payload.Expected)}; your server treats each recv() as a message: read until the newline, or until a pause)",
            RoundTripOutcome.Changed => exercise == ChatMode.Echo
                ? $"the message came back changed: got {got}, sent {Words.Quote(payload.Expected)}"
                : $"the message arrived changed: got {got}, sent {Words.Quote(payload.Expected)}",
            _ => $"got {got}",
        };
    }
}
