using ChatOps.Grading.Conversation;

namespace ChatOps.Grading.Checks;

/// <summary><c>echo</c>: a message comes back unchanged to its sender; several clients at once each get only their own.</summary>
internal sealed class EchoCheck : ICheck
{
    private const int Clients = 3;

    public IReadOnlyList<string> Names { get; } = ["echo"];

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session)
    {
        var payload = Payload.Of(session.Unique("echo", 0), "bonjour");
        var first = await RoundTrip.WithNewClientsAsync(session, payload);
        if (first.Outcome != RoundTripOutcome.Whole)
            return [CheckOutcome.Fail("echo", RoundTripWords.Problem(session, first, payload))];

        var clients = new List<CheckConnection>();
        for (var i = 0; i < Clients; i++)
            clients.Add(await session.ConnectAsync(((char)('B' + i)).ToString(), i + 1));
        var texts = clients.Select((_, i) => session.Unique("echo", i + 1)).ToList();
        await Task.WhenAll(clients.Select((c, i) => session.SendAsync(c, texts[i])));
        var echoed = await Task.WhenAll(clients.Select((c, i) =>
            c.WaitForAsync(m => m.Text == texts[i], 0, session.Options.Timeout, session.Token)));
        for (var i = 0; i < Clients; i++)
        {
            if (echoed[i] is null)
                return [CheckOutcome.Fail("echo", new("Echo.NotAtOnce", Clients, clients[i].Name, Words.Ms(session.Options.Timeout)))];
        }
        var heard = await Task.WhenAll(clients.Select(c => c.AfterQuietAsync(0, session.Options.Quiet, session.Token)));
        for (var i = 0; i < Clients; i++)
        {
            for (var j = 0; j < Clients; j++)
            {
                if (j != i && heard[i].Any(m => m.Contains(texts[j])))
                    return [CheckOutcome.Fail("echo", new("Echo.Crossed", clients[i].Name, clients[j].Name))];
            }
        }
        return [CheckOutcome.Pass("echo", new("Echo.Pass", Clients))];
    }
}
