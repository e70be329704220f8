using ChatOps.TcpEngine;

namespace ChatOps.Grading.Conversation;

/// <summary>What went wrong with one message, said to a student.</summary>
internal static class RoundTripWords
{
    public static CheckReason Problem(CheckSession session, RoundTripResult result, Payload payload)
    {
        var exercise = session.Run.Exercise;
        var timeout = Words.Ms(session.Options.Timeout);
        var sent = Words.Quote(payload.Expected);
        object got = result.Got is { } m ? Words.Quote(m.Text) : new CheckReason("Trip.Nothing");
        return result.Outcome switch
        {
            RoundTripOutcome.Nothing => exercise switch
            {
                ChatMode.Echo => new("Trip.EchoNothing", timeout, sent),
                ChatMode.Relay => new("Trip.RelayNothing", timeout, sent),
                _ => new("Trip.NoAnswer", timeout, sent),
            },
            RoundTripOutcome.Pieces => new("Trip.Pieces", got, sent),
            RoundTripOutcome.Changed => exercise == ChatMode.Echo ? new("Trip.EchoChanged", got, sent) : new("Trip.Changed", got, sent),
            _ => new("Trip.Got", got),
        };
    }
}
