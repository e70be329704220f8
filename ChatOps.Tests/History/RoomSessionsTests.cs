using System.Net;
using ChatOps.History.Queries;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.History;

/// <summary>With Chat:Rooms each room's runs are lab sessions of their own, named after the room, in a real SQLite file.</summary>
public sealed class RoomSessionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_room_has_its_lab_session_and_a_rooms_stop_closes_only_its_own()
    {
        await using var host = await HistoryHost.StartAsync(_folder.Path, new()
        {
            ["Chat:Rooms:ex1:Port"] = "0",
            ["Chat:Rooms:ex1:Mode"] = "echo",
            ["Chat:Rooms:ex3:Port"] = "0",
            ["Chat:Rooms:ex3:Mode"] = "relay",
        });
        var server = host.Get<ChatServer>();
        await using (var client = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Room("ex1")!.LocalEndPoint!.Port)))
        {
            await client.SendLineAsync("dans ex1");
            Assert.Equal("dans ex1", await client.ReadLineAsync());
        }
        await server.Room("ex3")!.ArretAsync("prof");
        await host.FlushAsync();

        var sessions = (await host.Queries.ListSessionsAsync(0, 10, Ct)).Items;
        Assert.Equal(["ex1", "ex3"], sessions.Select(s => s.Room).Order(StringComparer.Ordinal));
        var ex1 = sessions.Single(s => s.Room == "ex1");
        var ex3 = sessions.Single(s => s.Room == "ex3");
        Assert.Equal(("echo", null), (ex1.Mode, ex1.StopReason));
        Assert.Equal(("relay", "Arret", "prof"), (ex3.Mode, ex3.StopReason, ex3.StoppedBy));
        var lines = (await host.Queries.GetLinesAsync(new LineQuery(LabSessionId: ex1.Id), Ct)).Items;
        Assert.Contains(lines, l => l is { Kind: LineKind.Chat, Text: "dans ex1" });
        var ex3Lines = (await host.Queries.GetLinesAsync(new LineQuery(LabSessionId: ex3.Id), Ct)).Items;
        Assert.DoesNotContain(ex3Lines, l => l.Text == "dans ex1");
    }

    public void Dispose() => _folder.Dispose();
}
