using System.Net;
using System.Text;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Support;
using ChatOps.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Metrics;

/// <summary><c>/metrics</c> on the real host, scraped after a known traffic of real TCP clients.</summary>
public sealed class MetricsEndpointTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scrape_counts_a_known_traffic_exactly()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        var engine = factory.Services.GetRequiredService<ChatServer>().Rooms[0];
        using var http = SignIn.Client(new Uri(factory.ServerAddress()), new CookieContainer());
        const int Clients = 3;
        const int Lines = 4;

        var clients = new List<TcpTestClient>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                clients.Add(await TcpTestClient.ConnectAsync(engine.LocalEndPoint!));
                // Each joins before the next: every line below then has the same Clients - 1 recipients.
                await Eventually.HoldsAsync(() => engine.ClientCount == i + 1, "client joined");
            }
            long bytesIn = 0;
            for (var i = 0; i < Clients; i++)
            {
                for (var k = 0; k < Lines; k++)
                {
                    var line = $"client {i} line {k}";
                    bytesIn += Encoding.UTF8.GetByteCount(line + "\n");
                    await clients[i].SendLineAsync(line);
                }
            }
            // Every line was relayed to all the others before anyone leaves: each client has every other one's last line
            // (a client's lines are relayed in order, each to everyone at once).
            for (var i = 0; i < Clients; i++)
            {
                var awaited = Enumerable.Range(0, Clients).Where(j => j != i).Select(j => $"[127.0.0.1] client {j} line {Lines - 1}").ToHashSet();
                while (awaited.Count > 0)
                    awaited.Remove(await clients[i].ReadLineAsync() ?? throw new InvalidOperationException($"client {i} was closed"));
            }
            await clients[0].SendLineAsync("bye");
            bytesIn += 4;
            await clients[0].ReadToEndAsync();

            var scrape = await ScrapeUntilAsync(http, s => s.Sum("chatops_tcp_disconnects_total", ("reason", "bye")) == 1
                && s.Sum("chatops_tcp_connections", ("mode", "relay")) == Clients - 1
                && s.Sum("chatops_tcp_deliveries_total") == Clients * Lines * (Clients - 1));

            var room = ("room", "main");
            Assert.Equal(Clients, scrape.Sum("chatops_tcp_connects_total", room));
            Assert.Equal(1, scrape.Sum("chatops_tcp_disconnects_total", room));
            Assert.Equal(Clients - 1, scrape.Sum("chatops_tcp_connections", room, ("mode", "relay")));
            Assert.Equal(1, scrape.Sum("chatops_tcp_listening", room));
            // The client that left still counts: its lines and bytes stay in the cumulative figures.
            Assert.Equal((Clients * Lines) + 1, scrape.Sum("chatops_tcp_lines_in_total", room));
            Assert.Equal(bytesIn, scrape.Sum("chatops_tcp_bytes_in_bytes_total", room));
            Assert.Equal(Clients * Lines * (Clients - 1), scrape.Sum("chatops_tcp_deliveries_total", room));
            Assert.True(scrape.Sum("chatops_tcp_lines_out_total", room) >= Clients * Lines * (Clients - 1), scrape.Text);
            Assert.True(scrape.Sum("chatops_tcp_bytes_out_bytes_total", room) > 0, scrape.Text);
            Assert.Equal(0, scrape.Sum("chatops_tcp_lines_dropped_total", room));
            Assert.Equal(0, scrape.Sum("chatops_tcp_violations_total"));
            Assert.Equal(0, scrape.Sum("chatops_tcp_flow_pauses_total", room));
            Assert.Equal(0, scrape.Sum("chatops_events_dropped_total"));
            Assert.True(scrape.Sum("chatops_events_subscribers") >= 3, scrape.Text); // dashboard, hub, history, metrics
            Assert.True(scrape.Has("chatops_history_pending"), scrape.Text);
            Assert.True(scrape.Has("chatops_hub_connections"), scrape.Text);
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Only_the_server_machine_and_the_teacher_may_scrape()
    {
        await using var factory = new ChatOpsWebFactory();
        factory.StartServer();
        var baseAddress = new Uri(factory.ServerAddress());
        var path = new Uri("/metrics", UriKind.Relative);

        using var student = SignIn.ClientFrom(baseAddress, new CookieContainer(), IPAddress.Parse("127.0.0.2"));
        using var refused = await student.GetAsync(path, Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("chatops_", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var teacher = SignIn.ClientFrom(baseAddress, await SignIn.WithPasswordAsync(baseAddress, ChatOpsWebFactory.Password), IPAddress.Parse("127.0.0.2"));
        Assert.Contains("chatops_tcp_connections", await teacher.GetStringAsync(path, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_can_be_turned_off()
    {
        await using var factory = new ChatOpsWebFactory(new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });
        factory.StartServer();
        using var http = SignIn.Client(new Uri(factory.ServerAddress()), await SignIn.WithPasswordAsync(new Uri(factory.ServerAddress()), ChatOpsWebFactory.Password));

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);

        Assert.DoesNotContain("chatops_", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Scrapes until the event-fed counters have caught up with the traffic (they follow the feed), within a bounded wait.</summary>
    internal static async Task<PrometheusText> ScrapeUntilAsync(HttpClient http, Func<PrometheusText, bool> settled)
    {
        var deadline = DateTime.UtcNow + LineReader.DefaultTimeout;
        while (true)
        {
            var scrape = new PrometheusText(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct));
            if (settled(scrape))
                return scrape;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the scrape does not show the traffic:\n{scrape.Text}");
            await Task.Delay(20, Ct);
        }
    }
}
