using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cli;

/// <summary><c>chatops serve</c> as a real process: its console is the operator's screen and keyboard.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Relay_prints_what_happens_broadcasts_typed_lines_and_exits_0_on_client_arret()
    {
        await using var serve = CliProcess.Start("serve", "--port", "0", "--bind", "127.0.0.1");
        var port = await ListeningPortAsync(serve);
        await using var alice = await Loopback(port);
        await serve.WaitForLineAsync(" connected");
        await using var bob = await Loopback(port);
        await alice.ReadUntilAsync(l => l.EndsWith(" joined", StringComparison.Ordinal));

        await alice.SendLineAsync("bonjour");
        Assert.Equal("[127.0.0.1] bonjour", await bob.ReadUntilAsync(l => !l.StartsWith("* ", StringComparison.Ordinal)));
        await serve.WaitForLineAsync("> bonjour");

        await serve.TypeAsync("hello everyone");
        Assert.Equal("[server] hello everyone", await alice.ReadUntilAsync(l => l.StartsWith('[')));
        Assert.Equal("[server] hello everyone", await bob.ReadUntilAsync(l => l.StartsWith('[')));

        await bob.SendLineAsync("arret");
        Assert.Contains(await alice.ReadToEndAsync(), l => l.StartsWith("* arret", StringComparison.Ordinal));
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    [Fact]
    public async Task Sync_mode_typed_line_is_the_reply_and_the_waiting_client_is_served_after_bye()
    {
        await using var serve = CliProcess.Start("serve", "--port", "0", "--bind", "127.0.0.1", "--mode", "sync");
        var port = await ListeningPortAsync(serve);
        await using var first = await Loopback(port);
        await serve.WaitForLineAsync(" connected");
        // The waiting client hears nothing until its turn: its first line is its answer.
        await using var second = await Loopback(port);
        await serve.WaitForLineAsync(" connected");

        await first.SendLineAsync("question 1");
        await serve.WaitForLineAsync("waits for your reply to: question 1");
        await serve.TypeAsync("answer 1");
        Assert.Equal("answer 1", await first.ReadLineAsync());

        await second.SendLineAsync("held question");
        await first.SendLineAsync("bye");
        Assert.StartsWith("* goodbye", await first.ReadLineAsync());
        await serve.WaitForLineAsync("waits for your reply to: held question");
        await serve.TypeAsync("answer 2");
        Assert.Equal("answer 2", await second.ReadLineAsync());

        await serve.TypeAsync("arret");
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    [Fact]
    public async Task End_of_standard_input_does_not_stop_the_server()
    {
        await using var serve = CliProcess.Start("serve", "--port", "0", "--bind", "127.0.0.1", "--mode", "echo");
        var port = await ListeningPortAsync(serve);
        serve.CloseInput();

        await using var client = await Loopback(port);
        await client.SendLineAsync("still there?");
        Assert.Equal("still there?", await client.ReadLineAsync());
        await client.SendLineAsync("arret");
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    [Fact]
    public async Task Port_in_use_is_one_clear_line_and_a_non_zero_exit()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var serve = CliProcess.Start("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1");
        Assert.NotEqual(0, await serve.WaitForExitAsync());
        var error = serve.Stderr.Trim();
        Assert.Contains($"Chat:Port {port}", error, StringComparison.Ordinal);
        Assert.Contains("already in use", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n'));
    }

    [Theory]
    [InlineData("--port", "70000", "Chat:Port must be between 0 and 65535")]
    [InlineData("--bind", "not-an-address", "Chat:BindAddress")]
    public async Task Wrong_option_is_one_line_naming_it(string option, string value, string expected)
    {
        await using var serve = CliProcess.Start("serve", option, value);
        Assert.NotEqual(0, await serve.WaitForExitAsync());
        var error = serve.Stderr.Trim();
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static Task<TcpTestClient> Loopback(int port) => TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));

    private static async Task<int> ListeningPortAsync(CliProcess serve)
    {
        var banner = await serve.WaitForLineAsync("listening on port");
        return int.Parse(PortPattern().Match(banner).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"listening on port (\d+)")]
    private static partial Regex PortPattern();
}
