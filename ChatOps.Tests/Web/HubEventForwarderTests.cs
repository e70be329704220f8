using System.Threading.Channels;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.Tests.Support;
using ChatOps.Web.Dashboard;
using ChatOps.Web.Hubs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Microsoft.Extensions.Options.Options;

namespace ChatOps.Tests.Web;

/// <summary>The forwarder's pace on a fake clock: what it sends does not depend on how busy the machine is.</summary>
public sealed class HubEventForwarderTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_leaves_in_full_messages_one_per_hub_interval()
    {
        const int Count = 2000;
        var time = new FakeTimeProvider();
        var interval = new DashboardOptions().HubInterval;
        await using var server = new ChatServer(Create(new ChatOptions { Port = 0, BindAddress = "127.0.0.1", Language = ChatLanguage.En }));
        var client = new RecordingClient(time);
        using var subscribers = new HubSubscribers(_ => client, time, NullLogger.Instance);
        subscribers.Add("c1");
        var forwarder = new HubEventForwarder(server, subscribers, Create(new DashboardOptions()), time, NullLogger<HubEventForwarder>.Instance);
        await forwarder.StartAsync(Ct);

        var start = time.GetUtcNow();
        for (var i = 0; i < Count; i++)
            server.Events.Publish(new LineDelivered(time.GetUtcNow(), -1, "127.0.0.1", $"line {i}", 0));
        var sent = new List<(DateTimeOffset At, int Size)>();
        while (sent.Sum(m => m.Size) < Count)
            sent.Add(await NextAsync(client, time, interval));
        // The forwarder ends after its rest, which only the clock ends.
        var stopping = forwarder.StopAsync(Ct);
        while (await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromMilliseconds(20), Ct)) != stopping)
            time.Advance(interval);
        await stopping;

        var full = (Count + HubEventForwarder.MaxEventsPerMessage - 1) / HubEventForwarder.MaxEventsPerMessage;
        Assert.InRange(sent.Count, full, full + 1);
        // Each message waits for the clock: message i cannot leave before the forwarder has rested i intervals.
        Assert.All(sent.Select((m, i) => (Since: m.At - start, Index: i)), m => Assert.True(m.Since >= m.Index * interval, $"message {m.Index} left {m.Since} after the burst"));
    }

    /// <summary>The next message, moving the clock on while none arrives (the forwarder may not be resting yet).</summary>
    private static async Task<(DateTimeOffset At, int Size)> NextAsync(RecordingClient client, FakeTimeProvider time, TimeSpan interval)
    {
        using var cts = new CancellationTokenSource(LineReader.DefaultTimeout);
        var next = client.Messages.Reader.ReadAsync(cts.Token).AsTask();
        while (await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(20), Ct)) != next)
            time.Advance(interval);
        return await next;
    }

    private sealed class RecordingClient(TimeProvider time) : IChatOpsClient
    {
        public Channel<(DateTimeOffset At, int Size)> Messages { get; } = Channel.CreateUnbounded<(DateTimeOffset, int)>();

        public Task EngineEvents(IReadOnlyList<HubEvent> events)
        {
            Messages.Writer.TryWrite((time.GetUtcNow(), events.Count));
            return Task.CompletedTask;
        }
    }
}
