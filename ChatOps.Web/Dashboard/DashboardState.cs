using System.Collections.Immutable;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// What every dashboard circuit shows. One reader loop (<see cref="DashboardFeed"/>) follows every room's events, applies
/// them in batches and pushes a new <see cref="Current"/> view to the subscribed components at most once per render
/// interval, so a burst of lines costs one render, not one per line.
/// </summary>
public sealed class DashboardState
{
    private readonly ChatServer _server;
    private readonly TimeProvider _time;
    private readonly ILogger<DashboardState> _logger;
    private readonly MirrorBuffer _mirror;
    private readonly ActivitySampler _activity;
    private readonly ConnectHintsCache _hints;
    private readonly Dictionary<long, (string Ip, int Port)> _clients = [];
    private readonly Lock _gate = new();
    private long _dropped;
    private ImmutableArray<StateSubscription> _subscribers = [];
    private volatile DashboardView _current;

    public DashboardState(ChatServer server, IOptions<DashboardOptions> options, TimeProvider time, ILogger<DashboardState> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _server = server;
        _time = time;
        _logger = logger;
        Options = options.Value;
        _mirror = new MirrorBuffer(Options.MirrorCapacity);
        _activity = new ActivitySampler(Options.ChartSampleInterval, Options.ChartWindow);
        _hints = new ConnectHintsCache(time);
        _current = Build();
    }

    public DashboardOptions Options { get; }

    public DashboardView Current => _current;

    /// <summary>
    /// Calls <paramref name="onChanged"/> after each new view, from a sender of its own (see <see cref="StateSubscription"/>);
    /// components pass <c>() => InvokeAsync(StateHasChanged)</c>.
    /// </summary>
    public IDisposable Subscribe(Func<Task> onChanged)
    {
        var subscription = new StateSubscription(onChanged, s => ImmutableInterlocked.Update(ref _subscribers, static (l, x) => l.Remove(x), s), _time, _logger);
        ImmutableInterlocked.Update(ref _subscribers, static (l, s) => l.Add(s), subscription);
        return subscription;
    }

    /// <summary>
    /// Applies a batch of events (possibly empty: a clock tick) and pushes the new view to every subscriber without waiting
    /// for any of them. Called by one loop only.
    /// </summary>
    internal void Publish(IReadOnlyList<ChatEvent> batch, long dropped = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            foreach (var e in batch)
                Apply(e);
            _activity.Tick(_time.GetUtcNow(), _server.ClientCount);
            _dropped = dropped;
            _current = Build();
        }
        foreach (var subscriber in _subscribers)
            subscriber.Notify();
    }

    /// <summary>Rebuilds the view from the engine now, after an operator action, without waiting for the next push.</summary>
    public void Refresh()
    {
        lock (_gate)
            _current = Build();
    }

    private void Apply(ChatEvent e)
    {
        switch (e)
        {
            case ClientConnected c:
                _clients[c.SessionId] = (c.Ip, c.Port);
                break;
            case LineReceived l:
                _activity.LineReceived(l.At);
                break;
        }
        if (MirrorLines.Of(e, id => _clients.TryGetValue(id, out var c) ? c.Ip : $"#{id}") is { } line)
        {
            (string Ip, int Port)? client = line.SessionId is { } id && _clients.TryGetValue(id, out var known) ? known : null;
            _mirror.Add(e.At, line.SessionId, line.Who, line.Text, line.Kind, e.Room, client?.Ip, client?.Port, line.WhoPhrase, line.Phrase);
        }
        if (e is ClientDisconnected d)
            _clients.Remove(d.SessionId);
    }

    private DashboardView Build()
    {
        var now = _time.GetUtcNow();
        return new DashboardView(
            now,
            [.. _server.Rooms.Select(RoomOf)],
            _server.GetSessions(),
            _activity.Rate(now),
            _mirror.ToList(),
            _activity.Samples(),
            _dropped);
    }

    private RoomView RoomOf(ChatEngine room)
    {
        var endpoint = room.LocalEndPoint;
        return new RoomView(
            room.Name,
            room.IsRunning,
            room.IsStopping,
            room.Mode,
            endpoint,
            _hints.For(endpoint),
            room.StartedAt,
            room.LastStop,
            room.AllowClientArret,
            room.AutoReply,
            room.PendingReply,
            room.ClientCount);
    }
}
