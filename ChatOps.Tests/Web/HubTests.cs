using System.Globalization;
using System.Threading.Channels;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Tests.Support;
using ChatOps.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Web;

[Collection(WebHostGroup.Name)]
public sealed class HubTests(WebHostFixture host) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = LineReader.DefaultTimeout;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    // The stream is the batches flattened in order; the batches themselves are kept to count messages.
    private readonly Channel<HubEvent> _events = Channel.CreateUnbounded<HubEvent>();
    private readonly Channel<(HubEvent[] Events, long ArrivedAt)> _messages = Channel.CreateUnbounded<(HubEvent[] Events, long ArrivedAt)>();
    private HubConnection _hub = default!;

    public async ValueTask InitializeAsync()
    {
        await host.RunningEngineAsync();
        _hub = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, "/hubs/chatops"), o => o.Cookies = host.Cookies).Build();
        _hub.On<HubEvent[]>(nameof(IChatOpsClient.EngineEvents), batch =>
        {
            _messages.Writer.TryWrite((batch, System.Diagnostics.Stopwatch.GetTimestamp()));
            foreach (var e in batch)
                _events.Writer.TryWrite(e);
        });
        await _hub.StartAsync().WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private async Task<HubEvent> NextAsync(Func<HubEvent, bool> match)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await foreach (var e in _events.Reader.ReadAllAsync(cts.Token))
        {
            if (match(e))
                return e;
        }
        throw new InvalidOperationException("The hub stream ended.");
    }

    [Fact]
    public async Task The_hub_reports_a_raw_tcp_client_that_connects()
    {
        await using var client = await host.ConnectAsync();

        var connected = await NextAsync(e => e.Type == "ClientConnected" && e.Port == client.LocalEndPoint.Port);
        Assert.Equal("127.0.0.1", connected.Ip);
        var sessions = await _hub.InvokeAsync<List<SessionSnapshot>>("GetSessions", cancellationToken: Ct).WaitAsync(Timeout, Ct);
        Assert.Contains(sessions, s => s.Port == client.LocalEndPoint.Port && s.Id == connected.SessionId);
    }

    [Fact]
    public async Task A_relayed_line_shows_in_the_hub_stream()
    {
        await using var sender = await host.ConnectAsync();
        await using var receiver = await host.ConnectAsync();
        await NextAsync(e => e.Type == "ClientConnected" && e.Port == receiver.LocalEndPoint.Port);

        await sender.SendLineAsync("bonjour via the hub");

        var received = await NextAsync(e => e.Type == "LineReceived");
        Assert.Equal("bonjour via the hub", received.Text);
        var delivered = await NextAsync(e => e.Type == "LineDelivered");
        Assert.Equal("bonjour via the hub", delivered.Text);
        Assert.Equal("[127.0.0.1] bonjour via the hub", await receiver.ReadUntilAsync(l => l.Contains("bonjour", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_MessagePack_client_gets_the_same_events_as_a_JSON_one()
    {
        var received = Channel.CreateUnbounded<HubEvent>();
        await using var packed = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/chatops"), o => o.Cookies = host.Cookies)
            .AddMessagePackProtocol()
            .Build();
        packed.On<HubEvent[]>(nameof(IChatOpsClient.EngineEvents), batch =>
        {
            foreach (var e in batch)
                received.Writer.TryWrite(e);
        });
        await packed.StartAsync(Ct).WaitAsync(Timeout, Ct);
        await using var sender = await host.ConnectAsync();
        await using var receiver = await host.ConnectAsync();
        await NextAsync(e => e.Type == "ClientConnected" && e.Port == receiver.LocalEndPoint.Port);

        await sender.SendLineAsync("en MessagePack");

        var viaJson = await NextAsync(e => e.Type == "LineReceived" && e.Text == "en MessagePack");
        using var cts = new CancellationTokenSource(Timeout);
        var viaPack = await received.Reader.ReadAllAsync(cts.Token).FirstAsync(e => e.Type == "LineReceived" && e.Text == "en MessagePack", cts.Token);
        Assert.Equal((viaJson.SessionId, viaJson.Ip, viaJson.Detail), (viaPack.SessionId, viaPack.Ip, viaPack.Detail));
        Assert.Equal(viaJson.At.ToUnixTimeMilliseconds(), viaPack.At.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Broadcast_through_the_hub_reaches_tcp_clients()
    {
        await using var client = await host.ConnectAsync();
        await NextAsync(e => e.Type == "ClientConnected" && e.Port == client.LocalEndPoint.Port);

        var recipients = await _hub.InvokeAsync<int>("Broadcast", "from a script", cancellationToken: Ct).WaitAsync(Timeout, Ct);

        Assert.True(recipients >= 1);
        Assert.Equal("[server] from a script", await client.ReadUntilAsync(l => l.Contains("from a script", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Arret_through_the_hub_closes_the_tcp_clients()
    {
        await using var client = await host.ConnectAsync();
        await NextAsync(e => e.Type == "ClientConnected" && e.Port == client.LocalEndPoint.Port);

        await _hub.InvokeAsync("Arret", cancellationToken: Ct).WaitAsync(Timeout, Ct);

        Assert.Contains(await client.ReadToEndAsync(), l => l.StartsWith("* arret", StringComparison.Ordinal));
        var stopped = await NextAsync(e => e.Type == "EngineStopped");
        Assert.Equal("Arret by teacher", stopped.Detail);
        Assert.False(host.Engine.IsRunning);
    }

    [Fact]
    public async Task Kick_through_the_hub_disconnects_that_client_with_a_notice()
    {
        await using var client = await host.ConnectAsync();
        var connected = await NextAsync(e => e.Type == "ClientConnected" && e.Port == client.LocalEndPoint.Port);

        Assert.True(await _hub.InvokeAsync<bool>("Kick", connected.SessionId, cancellationToken: Ct).WaitAsync(Timeout, Ct));

        Assert.Contains(await client.ReadToEndAsync(), l => l.Contains("disconnected by the teacher", StringComparison.Ordinal));
        var gone = await NextAsync(e => e.Type == "ClientDisconnected" && e.SessionId == connected.SessionId);
        Assert.Equal("Kicked", gone.Detail);
        // Audited like a kick from the dashboard: the signed-in name, and the address the hub client came from.
        var audit = host.Services.GetRequiredService<ChatOps.History.Audit.AuditLog>();
        var kick = (await audit.ListAsync(0, 50, Ct)).Items.Select(r => r.Entry)
            .First(e => e.Action == ChatOps.History.Audit.AuditAction.Kick && e.Target == $"127.0.0.1:{client.LocalEndPoint.Port}");
        Assert.Equal(("teacher", "127.0.0.1"), (kick.Actor, kick.ActorIp));
    }

    [Fact]
    public async Task A_burst_of_events_reaches_hub_clients_in_order_in_fewer_messages()
    {
        const int Count = 2000;
        // Deliveries are the one event neither the dashboard nor the history keeps, so the burst disturbs no other test.
        var marker = $"burst-{Guid.NewGuid():N}";
        for (var i = 0; i < Count; i++)
            host.Engine.Events.Publish(new LineDelivered(DateTimeOffset.UtcNow, -1, "127.0.0.1", $"{marker} {i.ToString(CultureInfo.InvariantCulture)}", 0));

        var (texts, sizes, span) = await ReadBurstAsync(marker, Count);

        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"{marker} {i.ToString(CultureInfo.InvariantCulture)}"), texts);
        // The forwarder sends what is queued, up to the cap: once the burst is queued that is full messages. The first may
        // be short (the forwarder woke at the burst's first event and took what was there), so one message more at most.
        var full = (Count + HubEventForwarder.MaxEventsPerMessage - 1) / HubEventForwarder.MaxEventsPerMessage;
        Assert.InRange(sizes.Count, full, full + 1);
        Assert.All(sizes, size => Assert.InRange(size, 1, HubEventForwarder.MaxEventsPerMessage));
        // The rest between messages is checked on a fake clock (HubEventForwarderTests): arrival times here depend on the
        // machine's load, and messages queued for one connection may arrive together.
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"{Count} events in {sizes.Count} messages over {span.TotalMilliseconds} ms: {string.Join(' ', sizes)}");
    }

    /// <summary>
    /// The burst's events in the order they arrived, the size of each message that carried some of them, and the time
    /// from the first such message to the last.
    /// </summary>
    private async Task<(List<string> Texts, List<int> Sizes, TimeSpan Span)> ReadBurstAsync(string marker, int count)
    {
        var texts = new List<string>(count);
        var sizes = new List<int>();
        long first = 0, last = 0;
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await foreach (var (batch, arrivedAt) in _messages.Reader.ReadAllAsync(cts.Token))
            {
                var ours = batch.Where(e => e.Type == "LineDelivered" && e.Text?.StartsWith(marker, StringComparison.Ordinal) == true).ToList();
                if (ours.Count == 0)
                    continue;
                sizes.Add(batch.Length);
                first = first == 0 ? arrivedAt : first;
                last = arrivedAt;
                texts.AddRange(ours.Select(e => e.Text!));
                if (texts.Count >= count)
                    break;
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // Events went missing: the caller's assertion shows which.
        }
        return (texts, sizes, System.Diagnostics.Stopwatch.GetElapsedTime(first, last));
    }
}
