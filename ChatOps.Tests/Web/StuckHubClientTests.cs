using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using ChatOps.TcpEngine.Events;
using ChatOps.Tests.Support;
using ChatOps.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

/// <summary>
/// A hub client that stops reading (a frozen projector laptop, a script stopped in a debugger) must cost only itself:
/// the other hub clients keep getting every event at once.
/// </summary>
[Collection(WebHostGroup.Name)]
public sealed class StuckHubClientTests(WebHostFixture host)
{
    // Enough bytes to fill every buffer between the server and a reader that never reads (the pipes, both loopback
    // socket buffers: ~10 MB here) and then its 16-message outbox: 48 bursts of 512 events carrying a 4 KB line are
    // ~100 MB of JSON (16 bursts once left the stuck client with nothing lost on a loaded machine: the test proved nothing).
    private const int Bursts = 48;
    private const int EventsPerBurst = HubEventForwarder.MaxEventsPerMessage;

    // A burst is one hub message; a prompt one arrives well within this, while a stall lasts SignalR's send timeout (10 s).
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(4);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_client_that_never_reads_does_not_delay_the_others()
    {
        using var stuck = await ConnectWithoutReadingAsync();
        var arrived = Channel.CreateUnbounded<string>();
        await using var reader = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, "/hubs/chatops"), o => o.Cookies = host.Cookies).Build();
        reader.On<HubEvent[]>(nameof(IChatOpsClient.EngineEvents), batch =>
        {
            foreach (var e in batch)
                arrived.Writer.TryWrite(e.Text ?? "");
        });
        await reader.StartAsync(Ct).WaitAsync(LineReader.DefaultTimeout, Ct);
        var marker = $"stuck-{Guid.NewGuid():N}";
        var padding = new string('x', 4000);

        var slowest = TimeSpan.Zero;
        for (var burst = 0; burst < Bursts; burst++)
        {
            var last = $"{marker} {burst.ToString(CultureInfo.InvariantCulture)} {EventsPerBurst - 1}";
            var clock = Stopwatch.StartNew();
            // Deliveries are the one event neither the dashboard nor the history keeps, so the flood disturbs no other test.
            for (var i = 0; i < EventsPerBurst; i++)
                host.Engine.Events.Publish(new LineDelivered(DateTimeOffset.UtcNow, -1, "127.0.0.1", $"{marker} {burst.ToString(CultureInfo.InvariantCulture)} {i.ToString(CultureInfo.InvariantCulture)} {padding}", 0));
            using var cts = new CancellationTokenSource(Prompt);
            try
            {
                await arrived.Reader.ReadAllAsync(cts.Token).FirstAsync(t => t.StartsWith(last + " ", StringComparison.Ordinal), cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                Assert.Fail($"burst {burst} of {Bursts} did not reach the reading client within {Prompt.TotalSeconds} s while another client did not read");
            }
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
        }

        // The flood did fill the client that never reads: it lost events of its own (and only it: the reader got them all).
        var lost = host.Services.GetRequiredService<HubSubscribers>().Lost;
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"slowest of {Bursts} bursts: {slowest.TotalMilliseconds:F0} ms; the stuck client lost {lost} events");
        Assert.True(lost > 0, "the client that never reads lost nothing: the flood never filled its buffers, and the test proves nothing");
    }

    /// <summary>A SignalR client at the protocol level: the JSON handshake over a WebSocket, then never a read.</summary>
    private async Task<ClientWebSocket> ConnectWithoutReadingAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = host.Cookies;
        var uri = new UriBuilder(new Uri(host.BaseAddress, "/hubs/chatops")) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(uri, Ct).WaitAsync(LineReader.DefaultTimeout, Ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, Ct);
        return socket;
    }
}
