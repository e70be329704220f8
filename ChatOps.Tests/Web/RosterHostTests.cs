using ChatOps.History.Queries;
using ChatOps.History.Roster;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.History;
using ChatOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>The real host wires the roster into the engine (Chat:RelayPrefix) and into the transcript download.</summary>
public sealed class RosterHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_ip_plus_name_the_relay_and_the_csv_download_carry_the_rosters_name()
    {
        await using var factory = new ChatOpsWebFactory(new Dictionary<string, string?> { ["Chat:RelayPrefix"] = "ip+name" });
        factory.StartServer();
        var engine = factory.Services.GetRequiredService<ChatServer>().Rooms[0];
        await engine.StartAsync(Ct);
        await using var alice = await TcpTestClient.ConnectAsync(engine.LocalEndPoint!);
        await using var bob = await TcpTestClient.ConnectAsync(engine.LocalEndPoint!);
        await bob.ReadUntilAsync(l => l.StartsWith("* connected", StringComparison.Ordinal));
        await factory.Services.GetRequiredService<ClassRoster>().SetAsync(new RosterRow("127.0.0.1", alice.LocalEndPoint.Port, "Alice"), "teacher", cancellationToken: Ct);

        await HistoryWait.SendAndStoreAsync(factory.Services, alice, "bonjour");

        Assert.Equal("[127.0.0.1 Alice] bonjour", await bob.ReadUntilAsync(l => l.EndsWith("bonjour", StringComparison.Ordinal)));
        var session = (await factory.Services.GetRequiredService<HistoryQueries>().ListSessionsAsync(0, 1, Ct)).Items[0];
        using var http = SignIn.Client(new Uri(factory.ServerAddress()), await SignIn.WithPasswordAsync(new Uri(factory.ServerAddress()), ChatOpsWebFactory.Password));
        var rows = CsvRows.Parse((await http.GetStringAsync(new Uri($"/history/sessions/{session.Id}/transcript.csv", UriKind.Relative), Ct)).TrimStart('\uFEFF'));
        var (name, text) = (Array.IndexOf(rows[0], "name"), Array.IndexOf(rows[0], "text"));
        Assert.Equal("Alice", rows.Single(r => r[text] == "bonjour")[name]);
    }
}
