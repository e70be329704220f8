using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ChatOps.Tests.Cli;
using ChatOps.Tests.Support;

namespace ChatOps.Tests.Metrics;

/// <summary><c>chatops serve --metrics-port</c> as a real process, scraped after a known traffic.</summary>
public sealed partial class ServeMetricsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_headless_server_exports_the_engine_figures()
    {
        var metricsPort = FreePort();
        await using var serve = CliProcess.Start("serve", "--port", "0", "--bind", "127.0.0.1", "--metrics-port", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var line = await serve.WaitForLineAsync("listening on port");
        var port = int.Parse(PortPattern().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using (var alice = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port)))
        {
            await serve.WaitForLineAsync(" connected");
            await using var bob = await TcpTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            await alice.ReadUntilAsync(l => l.EndsWith(" joined", StringComparison.Ordinal));
            await alice.SendLineAsync("bonjour");
            await alice.SendLineAsync("salut");
            await bob.ReadUntilAsync(l => l == "[127.0.0.1] salut");
            await alice.SendLineAsync("bye");
            await alice.ReadToEndAsync();

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
            var scrape = await MetricsEndpointTests.ScrapeUntilAsync(http, s => s.Sum("chatops_tcp_disconnects_total", ("reason", "bye")) == 1
                && s.Sum("chatops_tcp_deliveries_total") == 2 && s.Sum("chatops_tcp_connections") == 1);

            Assert.Equal(2, scrape.Sum("chatops_tcp_connects_total", ("room", "main")));
            Assert.Equal(3, scrape.Sum("chatops_tcp_lines_in_total", ("room", "main")));
            Assert.Equal("bonjour\nsalut\nbye\n".Length, scrape.Sum("chatops_tcp_bytes_in_bytes_total", ("room", "main")));
            Assert.Equal(1, scrape.Sum("chatops_tcp_connections", ("room", "main"), ("mode", "relay")));
            // The console and the metrics follow the events.
            Assert.Equal(2, scrape.Sum("chatops_events_subscribers"));
        }
        await serve.TypeAsync("arret");
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    // HttpListener takes no port 0: a port the kernel just handed out and released is free for the test's few seconds.
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"listening on port (\d+)")]
    private static partial Regex PortPattern();
}
