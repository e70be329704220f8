using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Cli;

/// <summary><c>chatops</c> speaks the system's language: French on a French machine (<c>LC_ALL=fr_FR.UTF-8</c>).</summary>
public sealed partial class FrenchConsoleTests
{
    private static readonly Dictionary<string, string> FrenchMachine = new() { ["LC_ALL"] = "fr_FR.UTF-8", ["Chat__Language"] = "fr" };

    [Fact]
    public async Task The_client_speaks_French_and_shows_the_French_notices_with_their_accents()
    {
        var options = new ChatOptions { Port = 0, BindAddress = "127.0.0.1", Mode = ChatMode.Relay, Language = ChatLanguage.Fr };
        await using var engine = new ChatEngine(Microsoft.Extensions.Options.Options.Create(options));
        await engine.StartAsync(TestContext.Current.CancellationToken);
        var port = engine.LocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture);
        await using var client = CliProcess.StartWith(FrenchMachine, "connect", "127.0.0.1", port);

        await client.WaitForLineAsync("* connecté à ChatOps (mode relay)");
        await client.TypeAsync("bye");
        await client.WaitForLineAsync("* au revoir 127.0.0.1");
        Assert.Equal(0, await client.WaitForExitAsync());
        Assert.Contains($"chatops : connecté à 127.0.0.1:{port} (tapez bye pour partir)", client.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_prints_its_banner_and_events_in_French()
    {
        await using var serve = CliProcess.StartWith(FrenchMachine, "serve", "--port", "0", "--bind", "127.0.0.1");
        var banner = await serve.WaitForLineAsync("ChatOps serve : mode relay, à l'écoute sur le port");
        var port = int.Parse(PortPattern().Match(banner).Groups[1].Value, CultureInfo.InvariantCulture);
        await serve.WaitForLineAsync("Tapez une ligne pour l'envoyer à tous les clients");

        await using var student = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await serve.WaitForLineAsync(" connecté");
        Assert.StartsWith("* connecté à ChatOps (mode relay)", await student.ReadLineAsync(), StringComparison.Ordinal);
        await serve.TypeAsync("arret");
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    [GeneratedRegex(@"le port (\d+)")]
    private static partial Regex PortPattern();
}
