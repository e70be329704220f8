using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cli;

/// <summary><c>chatops serve --room NAME:PORT:MODE</c>, as a real process: several exercises at once from one console.</summary>
public sealed partial class ServeRoomsTests
{
    [Fact]
    public async Task Two_rooms_serve_their_own_exercise_and_a_rooms_arret_leaves_the_other_serving()
    {
        await using var serve = CliProcess.Start("serve", "--bind", "127.0.0.1", "--room", "ex1:0:echo", "--room", "ex3:0:relay");
        var echoPort = await RoomPortAsync(serve, "ex1", "echo");
        var relayPort = await RoomPortAsync(serve, "ex3", "relay");
        await using var echo = await Loopback(echoPort);
        await using var relay = await Loopback(relayPort);
        await serve.WaitForLineAsync("[ex3] 127.0.0.1:");

        await echo.SendLineAsync("salut");
        Assert.Equal("salut", await echo.ReadLineAsync());
        await serve.WaitForLineAsync("[ex1] 127.0.0.1:" + echo.LocalEndPoint.Port + " > salut");

        await serve.TypeAsync("sans salle");
        await serve.WaitForLineAsync("several rooms: start the line with @name, one of @ex1, @ex3");
        await serve.TypeAsync("@ex3 bonjour la salle");
        Assert.Equal("[server] bonjour la salle", await relay.ReadUntilAsync(l => l.StartsWith('[')));

        await relay.SendLineAsync("arret");
        Assert.Contains(await relay.ReadToEndAsync(), l => l.StartsWith("* arret", StringComparison.Ordinal));
        await serve.WaitForLineAsync("[ex3] server stopped (arret");
        await echo.SendLineAsync("toujours là");
        Assert.Equal("toujours là", await echo.ReadLineAsync());

        await serve.TypeAsync("arret");
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    [Theory]
    [InlineData(new[] { "--room", "ex1:0:echo", "--port", "7000" }, "--room replaces --port and --mode")]
    [InlineData(new[] { "--room", "ex1:port:echo" }, "--room ex1:port:echo: the port must be a number from 0 to 65535.")]
    [InlineData(new[] { "--room", "ex1:0:karaoke" }, "--room ex1:0:karaoke: the mode must be one of echo, sync, async, relay.")]
    [InlineData(new[] { "--room", "ex1:0" }, "--room ex1:0: expected NAME:PORT:MODE, e.g. ex1:7071:echo.")]
    public async Task A_wrong_room_is_one_line_naming_it(string[] args, string expected)
    {
        await using var serve = CliProcess.Start(["serve", "--bind", "127.0.0.1", .. args]);

        Assert.NotEqual(0, await serve.WaitForExitAsync());
        Assert.Contains(expected, serve.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Stderr, StringComparison.Ordinal);
    }

    private static Task<TcpTestClient> Loopback(int port) => TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));

    private static async Task<int> RoomPortAsync(CliProcess serve, string room, string mode)
    {
        var line = await serve.WaitForLineAsync($"  {room} ({mode}), port ");
        return int.Parse(PortPattern().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@", port (\d+):")]
    private static partial Regex PortPattern();
}
