using System.Net;
using ChatOps.TcpEngine.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web.Join;

/// <summary>With several rooms, the join page gives each room's commands, and the projector each room's clients.</summary>
public sealed class JoinRoomsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_join_page_lists_every_room_with_its_own_port_and_mode()
    {
        await using var factory = new ChatOpsWebFactory(new Dictionary<string, string?>
        {
            ["Chat:Rooms:ex1:Port"] = "0",
            ["Chat:Rooms:ex1:Mode"] = "echo",
            ["Chat:Rooms:ex3:Port"] = "0",
            ["Chat:Rooms:ex3:Mode"] = "relay",
        });
        factory.StartServer();
        var server = factory.Services.GetRequiredService<ChatServer>();
        using var http = SignIn.Client(new Uri(factory.ServerAddress()), new CookieContainer());

        var page = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/join", UriKind.Relative), Ct));

        foreach (var room in server.Rooms)
        {
            Assert.Contains(room.Name, page, StringComparison.Ordinal);
            Assert.Contains($"nc 127.0.0.1 {room.LocalEndPoint!.Port}", page, StringComparison.Ordinal);
        }
        Assert.True(page.IndexOf("ex1", StringComparison.Ordinal) < page.IndexOf("ex3", StringComparison.Ordinal));
    }
}
