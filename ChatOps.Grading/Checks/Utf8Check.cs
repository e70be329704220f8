using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary><c>utf8</c>: é à ç € and an emoji survive.</summary>
internal sealed class Utf8Check : ICheck
{
    private const string Accents = "é à ç € 🙂";

    public IReadOnlyList<string> Names { get; } = ["utf8"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var payload = Payload.Of(session.Unique("utf8", 0), Accents);
        var result = await RoundTrip.WithNewClientsAsync(session, payload);
        return result.Outcome switch
        {
            RoundTripOutcome.Whole => [CheckOutcome.Pass("utf8", new("Utf8.Pass", Accents))],
            RoundTripOutcome.Answered => [CheckOutcome.Skip("utf8", new("Utf8.NotQuoted", Words.Quote(result.Got!.Text)))],
            RoundTripOutcome.Changed => [CheckOutcome.Fail("utf8", new("Utf8.Changed", Accents, Words.Quote(result.Got!.Text)))],
            _ => [CheckOutcome.Fail("utf8", RoundTripWords.Problem(session, result, payload))],
        };
    }
}
