using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Internal;
using ChatOps.TcpEngine.Modes;
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
    private CancellationTokenSource _abortSessions = new();
    private long _nextSessionId;
    private volatile bool _isRunning;
    private volatile bool _isStopping;
    private volatile bool _disposed;

    public ChatEngine(IOptions<ChatOptions> options, ILogger<ChatEngine>? logger = null, IChatBus? bus = null, TimeProvider? time = null,
        IConnectionAdmission? admission = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger ?? NullLogger<ChatEngine>.Instance;
        _time = time ?? TimeProvider.System;
        _room = new ChatRoom(ChatOptions.DefaultRoomName, _options, Events, bus ?? new InProcessChatBus(), _time, by => BeginStop(StopReason.Arret, by), admission)
        {
            AllowClientArret = _options.AllowClientArret,
        };
    }

    public ChatEventFeed Events { get; } = new();

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

    /// <summary>The last task started by a client's arret; completes when that stop is over.</summary>
    public Task PendingStop { get; private set; } = Task.CompletedTask;

    /// <summary>Binds the listener (so the port is known when this returns) and starts accepting clients.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_isRunning)
                return;
            _listener = TcpListenerFactory.Bind(_options);
            LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
            _abortSessions.Dispose();
            _abortSessions = new CancellationTokenSource();
            StartedAt = _time.GetUtcNow();
            _isRunning = true;
            _acceptLoop = AcceptLoopAsync(_listener);
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
        return _room.Sessions.Where(s => !s.IsClosing).Select(s => SessionSnapshots.Of(s, mode)).ToList();
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

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync();
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted })
            {
                // The listener was closed by StopAsync: this is how the loop ends.
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // A client that connected and reset before we accepted it: nothing to serve.
                continue;
            }
            catch (SocketException ex)
            {
                // Out of file descriptors and the like: log, breathe, keep serving the clients we have.
                EngineLog.AcceptFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(100));
                continue;
            }
            StartSession(socket);
        }
    }

    private void StartSession(Socket socket)
    {
        ChatConnection connection;
        try
        {
            connection = new SocketChatConnection(socket);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Reset between accept and setup: the client is already gone.
            socket.Dispose();
            return;
        }
        Serve(connection);
    }

    /// <summary>Runs a session on any connection; in-memory connections come in here in tests.</summary>
    internal ClientSession Serve(ChatConnection connection)
    {
        var session = new ClientSession(Interlocked.Increment(ref _nextSessionId), connection, _room, _options, _time);
        _room.Join(session);
        _running[session.Id] = RunSessionAsync(session);
        return session;
    }

    private async Task RunSessionAsync(ClientSession session)
    {
        await Task.Yield();
        try
        {
            await session.RunAsync(_abortSessions.Token);
        }
        catch (Exception ex)
        {
            EngineLog.SessionFailed(_logger, session.Id, ex);
        }
        finally
        {
            _running.TryRemove(session.Id, out _);
        }
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

    private static string NoticeFor(StopReason reason, string by) =>
        reason == StopReason.Arret ? Notices.Arret(by) : Notices.ShuttingDown();
}
