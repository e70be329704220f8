using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Internal;
using ChatOps.TcpEngine.Modes;
using ChatOps.TcpEngine.Naming;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;
using ChatOps.TcpEngine.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.TcpEngine.Engine;

/// <summary>
/// The TCP chat engine: listens, runs one <see cref="ClientSession"/> per connection, and offers the operator's actions.
/// Everything that happens is published on <see cref="Events"/>.
/// </summary>
public sealed partial class ChatEngine : IAsyncDisposable
{
    private readonly ChatOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ChatRoom _room;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private IdleSweep? _idleSweep;
    private CancellationTokenSource _abortSessions = new();
    private readonly SessionIds _ids;
    private volatile bool _isRunning;
    private volatile bool _isStopping;
    private volatile bool _disposed;

    /// <summary>A host of one room, named <see cref="ChatOptions.DefaultRoomName"/>, with its own event feed (tests, tools).</summary>
    public ChatEngine(IOptions<ChatOptions> options, ILogger<ChatEngine>? logger = null, IChatBus? bus = null, TimeProvider? time = null,
        IConnectionAdmission? admission = null, IClientNames? names = null)
        : this(ChatOptions.DefaultRoomName, (options ?? throw new ArgumentNullException(nameof(options))).Value, new ChatEventFeed(), new SessionIds(),
            logger, bus ?? new InProcessChatBus(), time ?? TimeProvider.System, admission, names)
    {
    }

    /// <summary>One room of a <see cref="ChatServer"/>: its events go to the server's feed, its session ids are the server's.</summary>
    internal ChatEngine(string name, ChatOptions options, ChatEventFeed events, SessionIds ids, ILogger? logger, IChatBus bus, TimeProvider time,
        IConnectionAdmission? admission, IClientNames? names = null)
    {
        _options = options;
        _trustedProxies = ProxyProtocol.TrustedProxies.Parse(options.TrustedProxies);
        _ids = ids;
        Events = events;
        _logger = logger ?? NullLogger<ChatEngine>.Instance;
        _time = time;
        _room = new ChatRoom(name, _options, Events, bus, _time, ClientArret, admission, names)
        {
            AllowClientArret = _options.AllowClientArret,
            AutoReply = TcpEngine.Options.AutoReply.TryParse(_options.AutoReply, out var reply) ? reply : default,
        };
    }

    public ChatEventFeed Events { get; }

    public ChatOptions Options => _options;

    /// <summary>The room's name, as its events carry it.</summary>
    public string Name => _room.Name;

    public ChatMode Mode => _room.Mode.Mode;

    public bool IsRunning => _isRunning;

    /// <summary>True while a stop drains the clients (at most <c>Chat:CloseTimeout</c>): still running, no longer listening.</summary>
    public bool IsStopping => _isStopping;

    /// <summary>Where the engine listens; with port 0 this is where the free port is read.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public EngineStopped? LastStop { get; private set; }

    /// <summary>Whether a client's <c>arret</c> stops the server; starts as <see cref="ChatOptions.AllowClientArret"/>.</summary>
    public bool AllowClientArret
    {
        get => _room.AllowClientArret;
        set => _room.AllowClientArret = value;
    }

    public int ClientCount => _room.Sessions.Count(s => !s.IsClosing);

    /// <summary>In sync mode, the client line the operator must answer next.</summary>
    public PendingReply? PendingReply => _room.Mode.PendingReply;

    /// <summary>
    /// In sync and async rooms, who answers a served client's line when the teacher does not; starts as
    /// <see cref="ChatOptions.AutoReply"/>. Turned on while a line waits in sync mode, it answers that line at once.
    /// </summary>
    public AutoReply AutoReply
    {
        get => _room.AutoReply;
        set
        {
            _room.AutoReply = value;
            _room.Mode.AnswerWaitingLines();
        }
    }

    /// <summary>
    /// Set by a <see cref="ChatServer"/> whose <c>Chat:ArretScope</c> is <c>server</c>: a client's arret stops every room
    /// (the task completes when they have stopped). Null: it stops this room.
    /// </summary>
    internal Func<string, Task>? ServerArret { get; set; }

    /// <summary>The last task started by a client's arret; completes when that stop is over.</summary>
    public Task PendingStop { get; private set; } = Task.CompletedTask;

    /// <summary>Binds the listener (so the port is known when this returns) and starts accepting clients.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => StartAsync(null, cancellationToken);

    /// <summary>Where <c>Chat:Port</c> came from, for the message when the port cannot be bound (<c>Chat:Rooms:NAME:Port</c> in a server).</summary>
    internal string PortKey { get; init; } = $"{ChatOptions.SectionName}:Port";

    /// <summary>Binds this room's port; <see cref="ChatServer"/> binds every room's before any starts, so a failed start starts none.</summary>
    internal Socket Bind() => TcpListenerFactory.Bind(_options, PortKey);

    /// <summary>Starts accepting on <paramref name="bound"/> (from <see cref="Bind"/>), or binds first when null; disposes it when already running.</summary>
    internal async Task StartAsync(Socket? bound, CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_isRunning)
            {
                bound?.Dispose();
                return;
            }
            _listener = bound ?? Bind();
            LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
            _abortSessions.Dispose();
            _abortSessions = new CancellationTokenSource();
            StartedAt = _time.GetUtcNow();
            _isRunning = true;
            _acceptLoop = AcceptLoopAsync(_listener);
            _idleSweep = new IdleSweep(_room, _time);
            EngineLog.Listening(_logger, LocalEndPoint, Mode);
            _room.Publish(new EngineStarted(_time.GetUtcNow(), Mode, [LocalEndPoint]));
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Closes every client with a notice, stops listening, and waits (bounded) for the connections to end.</summary>
    public async Task StopAsync(StopReason reason = StopReason.Stopped, string by = "operator", CancellationToken cancellationToken = default)
    {
        // A host whose start failed still stops its services, after the container has disposed the engine.
        if (_disposed)
            return;
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (!_isRunning)
                return;
            _isStopping = true;
            _room.Publish(new EngineStopping(_time.GetUtcNow(), reason, by));
            _listener?.Dispose();
            _idleSweep?.Dispose();
            await _acceptLoop;
            var closing = _room.CloseAll(DisconnectFor(reason), NoticeFor(reason, by));
            await DrainSessionsAsync(closing);
            _isRunning = false;
            _isStopping = false;
            LastStop = new EngineStopped(_time.GetUtcNow(), reason, by);
            EngineLog.Stopped(_logger, reason, by);
            _room.Publish(LastStop);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>The protocol's <c>arret</c>: every client gets the notice and is closed, and the engine stops listening.</summary>
    public Task ArretAsync(string by = "operator") => StopAsync(StopReason.Arret, by);

    /// <summary>Restarts the room in another mode: every client gets a notice and is closed, the listener stays.</summary>
    public async Task SwitchModeAsync(ChatMode mode, string by = "operator", CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            var from = Mode;
            if (from == mode)
                return;
            _room.CloseAll(DisconnectReason.ModeSwitch, Notices.ModeChanged(mode), next: mode);
            _room.Publish(new ModeChanged(_time.GetUtcNow(), from, mode, by));
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>The connected clients; one being closed (kicked, said bye) is left out at once, while it drains.</summary>
    public IReadOnlyList<SessionSnapshot> GetSessions()
    {
        var mode = _room.Mode;
        return _room.Sessions.Where(s => !s.IsClosing).Select(s => SessionSnapshots.Of(s, mode, Name)).ToList();
    }

    /// <summary>What every client of this room sent and was sent since start, ended sessions included: for metrics.</summary>
    public TrafficTotals GetTraffic() => _room.Traffic();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        await StopAsync(StopReason.Shutdown, "host");
        _disposed = true;
        await PendingStop;
        _room.Dispose();
        _abortSessions.Dispose();
        _lifecycle.Dispose();
    }

    private void ClientArret(string by)
    {
        if (ServerArret is { } stopServer)
            PendingStop = Task.Run(() => stopServer(by));
        else
            BeginStop(StopReason.Arret, by);
    }

    private void BeginStop(StopReason reason, string by)
    {
        // Called from a session's read loop: stopping waits for every session, that one included, so it runs apart.
        // The task is published before it starts: with Task.Run the stop could close every client before PendingStop
        // was assigned, and whoever saw the clients close would then await the previous, already completed task.
        var stop = new Task<Task>(async () =>
        {
            try
            {
                await StopAsync(reason, by);
            }
            catch (Exception ex)
            {
                EngineLog.StopFailed(_logger, ex);
            }
        });
        PendingStop = stop.Unwrap();
        stop.Start(TaskScheduler.Default);
    }

    // A stop lasts as long as the slowest client takes to be sent its last lines: every client gets the notice before any
    // of them leaves (CloseAll completes every queue first, so no leave or promotion reaches anyone), each is bounded by
    // CloseTimeout, and the lingering that follows (waiting for the client's own close) goes on without holding the stop.
    private async Task DrainSessionsAsync(IReadOnlyList<ClientSession> closing)
    {
        // Each closing session bounds itself by CloseTimeout; the extra second is for the last writes to finish.
        var grace = _options.CloseTimeout + TimeSpan.FromSeconds(1);
        var left = Task.WhenAll(closing.Select(s => s.Left));
        // Real time, not the engine's TimeProvider: these bound socket I/O, which a fake clock does not drive.
        if (await Task.WhenAny(left, Task.Delay(grace)) == left)
            return;
        EngineLog.SessionsCut(_logger, closing.Count(s => !s.Left.IsCompleted));
        await _abortSessions.CancelAsync();
        await Task.WhenAny(left, Task.Delay(TimeSpan.FromSeconds(1)));
    }

    private static DisconnectReason DisconnectFor(StopReason reason) =>
        reason == StopReason.Arret ? DisconnectReason.Arret : DisconnectReason.Shutdown;

    private string NoticeFor(StopReason reason, string by) =>
        reason == StopReason.Arret ? Notices.Arret(by) : Notices.ShuttingDown();
}
