using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;

namespace ChatOps.Tests.Cli;

/// <summary><c>chatops connect</c> as a real process against a real engine on a loopback port.</summary>
public sealed class ConnectCommandTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Async_client_prints_what_the_server_sends_and_ends_cleanly_on_bye()
    {
        await using var engine = await StartEngineAsync(ChatMode.Echo);
        await using var client = CliProcess.Start("connect", "127.0.0.1", Port(engine));

        await client.TypeAsync("salut é😀");
        await client.WaitForLineAsync(l => l == "salut é😀");
        await client.TypeAsync("bye");
        await client.WaitForLineAsync("* goodbye");
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Async_client_shows_operator_lines_that_arrive_while_it_is_idle()
    {
        await using var engine = await StartEngineAsync(ChatMode.Relay);
        using var events = engine.Events.Subscribe();
        await using var client = CliProcess.Start("connect", "127.0.0.1", Port(engine));
        await NextAsync<ClientConnected>(events);

        engine.Broadcast("attention please");
        await client.WaitForLineAsync("[server] attention please");
    }

    [Fact]
    public async Task Client_says_so_and_exits_0_when_the_server_closes()
    {
        await using var engine = await StartEngineAsync(ChatMode.Relay);
        using var events = engine.Events.Subscribe();
        await using var client = CliProcess.Start("connect", "127.0.0.1", Port(engine));
        await NextAsync<ClientConnected>(events);

        await engine.ArretAsync("teacher");
        await client.WaitForLineAsync("* arret");
        Assert.Equal(0, await client.WaitForExitAsync());
        Assert.Contains("connection closed by the server", client.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_client_waits_for_one_reply_per_line()
    {
        await using var engine = await StartEngineAsync(ChatMode.Sync);
        using var events = engine.Events.Subscribe();
        await using var client = CliProcess.Start("connect", "127.0.0.1", Port(engine), "--sync");

        await client.TypeAsync("first");
        var awaited = await NextAsync<ReplyAwaited>(events);
        Assert.Equal("first", awaited.Text);
        Assert.True(engine.Reply("reply to first"));
        await client.WaitForLineAsync(l => l == "reply to first");

        await client.TypeAsync("bye");
        await client.WaitForLineAsync("* goodbye");
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task End_of_input_half_closes_and_exits_0_once_the_server_has_closed()
    {
        await using var engine = await StartEngineAsync(ChatMode.Echo);
        await using var client = CliProcess.Start("connect", "127.0.0.1", Port(engine));
        await client.TypeAsync("last words");
        await client.WaitForLineAsync(l => l == "last words");
        client.CloseInput();
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Refused_connection_is_one_line_on_stderr_and_exit_1()
    {
        var closedPort = FreePort();
        await using var client = CliProcess.Start("connect", "127.0.0.1", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, await client.WaitForExitAsync());
        var error = client.Stderr.Trim();
        Assert.Contains("connection refused", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n'));
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("-1")]
    [InlineData("0")]
    public async Task A_port_out_of_range_is_one_line_on_stderr_and_exit_1(string port)
    {
        await using var client = CliProcess.Start("connect", "127.0.0.1", port);
        Assert.Equal(1, await client.WaitForExitAsync());
        Assert.Equal($"chatops: the port must be between 1 and 65535 (got {port}).", client.Stderr.Trim());
    }

    [Fact]
    public async Task Unknown_host_is_one_line_on_stderr_and_exit_1()
    {
        await using var client = CliProcess.Start("connect", "no-such-host.invalid", "7070");
        Assert.Equal(1, await client.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(client.Stderr.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("connect", "--help")]
    [InlineData("serve", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        await using var cli = CliProcess.Start(args);
        Assert.Equal(0, await cli.WaitForExitAsync());
        Assert.Contains("Usage:", cli.StdoutSoFar, StringComparison.Ordinal);
    }

    private static async Task<ChatEngine> StartEngineAsync(ChatMode mode)
    {
        var options = new ChatOptions { Port = 0, BindAddress = "127.0.0.1", Mode = mode, Language = ChatLanguage.En };
        var engine = new ChatEngine(Microsoft.Extensions.Options.Options.Create(options));
        await engine.StartAsync();
        return engine;
    }

    private static string Port(ChatEngine engine) =>
        engine.LocalEndPoint!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<T> NextAsync<T>(EventSubscription events)
        where T : ChatEvent
    {
        using var cts = new CancellationTokenSource(Wait);
        await foreach (var e in events.ReadAllAsync(cts.Token))
        {
            if (e is T match)
                return match;
        }
        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} event.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
