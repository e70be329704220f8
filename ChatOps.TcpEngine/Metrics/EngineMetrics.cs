using System.Diagnostics.Metrics;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Sessions;
using Microsoft.Extensions.Hosting;

namespace ChatOps.TcpEngine.Metrics;

/// <summary>
/// The engine's instruments (meter <see cref="MeterName"/>; names, units and tags in docs/operations.md). The hot path
/// is left alone: traffic is read from the sessions' own counters when a reader collects (observable instruments), and
/// connections, disconnections, violations and deliveries are counted from the event feed by a subscriber of its own.
/// Every instrument carries the room's name.
/// </summary>
public sealed class EngineMetrics : IHostedService, IDisposable
{
    public const string MeterName = "ChatOps.TcpEngine";

    /// <summary>Room of the feed's own figures (subscribers, losses): the feed is shared by every room.</summary>
    private const string AllRooms = "*";

    private readonly ChatServer _server;
    private readonly Meter _meter;
    private readonly Counter<long> _connects;
    private readonly Counter<long> _disconnects;
    private readonly Counter<long> _violations;
    private readonly Counter<long> _deliveries;
    private EventSubscription? _events;
    private Task _counting = Task.CompletedTask;

    public EngineMetrics(ChatServer server, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _server = server;
        _meter = meters.Create(MeterName);
        _connects = _meter.CreateCounter<long>("chatops.tcp.connects", "{connection}", "Clients admitted to a room.");
        _disconnects = _meter.CreateCounter<long>("chatops.tcp.disconnects", "{connection}",
            "Connections that ended, by reason (bye, arret, kicked, closedbypeer, tooslow, flood, limit, shutdown, modeswitch, error).");
        _violations = _meter.CreateCounter<long>("chatops.tcp.violations", "{event}",
            "Protocol events by kind: lines dropped (linetoolong, ratelimited, heldfull, unfinishedlineatclose), refusals, dialects.");
        _deliveries = _meter.CreateCounter<long>("chatops.tcp.deliveries", "{delivery}",
            "Client lines delivered, once per recipient (relay: the others; echo: the sender; sync and async: the operator, counted 0).");

        _meter.CreateObservableUpDownCounter("chatops.tcp.connections", () => PerRoom(t => t.Sessions, withMode: true), "{connection}",
            "Connected clients now, by room and mode.");
        _meter.CreateObservableUpDownCounter("chatops.tcp.listening", () => Rooms.Select(r => Measure(r.IsRunning ? 1 : 0, r)), "{room}",
            "1 while the room's listener accepts clients.");
        _meter.CreateObservableCounter("chatops.tcp.lines.in", () => PerRoom(t => t.LinesIn), "{line}", "Lines received from clients.");
        _meter.CreateObservableCounter("chatops.tcp.lines.out", () => PerRoom(t => t.LinesOut), "{line}", "Lines sent to clients, notices included.");
        _meter.CreateObservableCounter("chatops.tcp.lines.dropped", () => PerRoom(t => t.LinesDropped), "{line}",
            "Lines dropped: over the rate limit or too long.");
        _meter.CreateObservableCounter("chatops.tcp.bytes.in", () => PerRoom(t => t.BytesIn), "By", "Bytes received from clients.");
        _meter.CreateObservableCounter("chatops.tcp.bytes.out", () => PerRoom(t => t.BytesOut), "By", "Bytes sent to clients.");
        _meter.CreateObservableUpDownCounter("chatops.tcp.queued", () => PerRoom(t => t.QueuedBytes), "By", "Bytes waiting to be sent, all clients.");
        _meter.CreateObservableGauge("chatops.tcp.queued.max", () => PerRoom(t => t.MaxQueuedBytes), "By", "The longest client queue now.");
        _meter.CreateObservableCounter("chatops.tcp.flow.pauses", () => PerRoom(t => t.Pauses), "{pause}",
            "Times flow control paused reading from a client for a full queue.");
        _meter.CreateObservableUpDownCounter("chatops.tcp.flow.paused", () => PerRoom(t => t.PausedSessions), "{connection}",
            "Clients whose reading is paused now.");
        _meter.CreateObservableUpDownCounter("chatops.events.subscribers", () => PerFeed(f => f.SubscriberCount), "{subscriber}",
            "Followers of the event feed (dashboard, hub, history, console, metrics).");
        _meter.CreateObservableCounter("chatops.events.dropped", () => PerFeed(f => f.Dropped), "{event}",
            "Events subscribers lost because they read too slowly.");
    }

    /// <summary>The rooms measured: the one place that reaches the engine.</summary>
    private IReadOnlyList<ChatEngine> Rooms => _server.Rooms;

    private IEnumerable<ChatEventFeed> Feeds => [_server.Events];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the engine starts (registered before it), so the first client is counted. Deliveries are the busiest
        // events; the queue is sized for a flood's burst, and what it cannot hold shows in chatops.events.dropped.
        _events = Feeds.Single().Subscribe(capacity: 1 << 16, wants: Counted);
        _counting = CountAsync(_events);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _events?.Dispose();
        await _counting.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _events?.Dispose();
        _meter.Dispose();
    }

    private static bool Counted(ChatEvent e) => e is ClientConnected or ClientDisconnected or ProtocolViolation or LineDelivered;

    private async Task CountAsync(EventSubscription events)
    {
        await foreach (var e in events.ReadAllAsync())
        {
            var room = new KeyValuePair<string, object?>("room", e.Room);
            switch (e)
            {
                case LineDelivered d when d.Recipients > 0:
                    _deliveries.Add(d.Recipients, room);
                    break;
                case ClientConnected:
                    _connects.Add(1, room);
                    break;
                case ClientDisconnected d:
                    _disconnects.Add(1, room, new("reason", Label(d.Reason)));
                    break;
                case ProtocolViolation v:
                    _violations.Add(1, room, new("kind", Label(v.Kind)));
                    break;
            }
        }
    }

    private IEnumerable<Measurement<long>> PerRoom(Func<TrafficTotals, long> figure, bool withMode = false)
    {
        foreach (var room in Rooms)
        {
            var value = figure(room.GetTraffic());
            yield return withMode
                ? new Measurement<long>(value, new("room", room.Name), new("mode", Label(room.Mode)))
                : Measure(value, room);
        }
    }

    private IEnumerable<Measurement<long>> PerFeed(Func<ChatEventFeed, long> figure) =>
        Feeds.Select(f => new Measurement<long>(figure(f), new KeyValuePair<string, object?>("room", AllRooms)));

    private static Measurement<long> Measure(long value, ChatEngine room) => new(value, new KeyValuePair<string, object?>("room", room.Name));

    // Tag values as the options and docs spell them (relay, closedbypeer): lower case, stable across renames of case.
    private static string Label<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
