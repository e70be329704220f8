using System.Collections.Immutable;
using System.Net.Sockets;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Naming;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.TcpEngine.Engine;

/// <summary>
/// The rooms of one host (<c>Chat:Rooms</c>, or one room from <c>Chat:Port</c> and <c>Chat:Mode</c>): each a
/// <see cref="ChatEngine"/> with its own port, mode, clients and life, so that switching or stopping one leaves the
/// others alone. They share one event feed (every event names its room), one sequence of session ids, and the class-wide
/// start, stop and arret.
/// </summary>
public sealed class ChatServer : IAsyncDisposable
{
    private readonly ImmutableArray<ChatEngine> _rooms;

    /// <param name="busFor">The fan-out bus of each room, by name; an in-process bus per room when null.</param>
    /// <param name="names">Students' names for <c>Chat:RelayPrefix</c> <c>name</c> and <c>ip+name</c>; senders are shown by IP when null.</param>
    public ChatServer(IOptions<ChatOptions> options, ILoggerFactory? loggers = null, TimeProvider? time = null, IConnectionAdmission? admission = null,
        Func<string, IChatBus>? busFor = null, IClientNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        var ids = new SessionIds();
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<ChatEngine>();
        var named = Options.Rooms.Count > 0;
        _rooms = [.. Options.RoomList().Select(r => new ChatEngine(r.Name, r.Options, Events, ids, logger, busFor?.Invoke(r.Name) ?? new InProcessChatBus(),
            time ?? TimeProvider.System, admission, names)
        {
            PortKey = named ? $"{ChatOptions.SectionName}:Rooms:{r.Name}:Port" : $"{ChatOptions.SectionName}:Port",
        })];
        if (Options.ArretScope == ArretScope.Server)
        {
            foreach (var room in _rooms)
                room.ServerArret = by => ArretAsync(by);
        }
    }

    /// <summary>Every room's events, in one stream; <see cref="ChatEvent.Room"/> says whose.</summary>
    public ChatEventFeed Events { get; } = new();

    public ChatOptions Options { get; }

    /// <summary>The rooms, by port then name; never empty.</summary>
    public IReadOnlyList<ChatEngine> Rooms => _rooms;

    /// <summary>Whether any room listens.</summary>
    public bool IsRunning => _rooms.Any(r => r.IsRunning);

    public int ClientCount => _rooms.Sum(r => r.ClientCount);

    /// <summary>The room named <paramref name="name"/> (ignoring case), or null.</summary>
    public ChatEngine? Room(string? name) => _rooms.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The room a connected client is in, or null when it is not connected.</summary>
    public ChatEngine? RoomOf(long sessionId) => _rooms.FirstOrDefault(r => r.HasSession(sessionId));

    /// <summary>Every room's connected clients, room by room.</summary>
    public IReadOnlyList<SessionSnapshot> GetSessions() => [.. _rooms.SelectMany(r => r.GetSessions())];

    /// <summary>
    /// Starts every room that is not running. All or nothing: every port is bound before any room starts, so a port in use
    /// (<see cref="ChatEngineStartException"/>) starts no room, and leaves no lab session in the history.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var stopped = _rooms.Where(r => !r.IsRunning).ToList();
        var bound = new List<Socket>(stopped.Count);
        try
        {
            foreach (var room in stopped)
                bound.Add(room.Bind());
        }
        catch
        {
            foreach (var socket in bound)
                socket.Dispose();
            throw;
        }
        for (var i = 0; i < stopped.Count; i++)
            await stopped[i].StartAsync(bound[i], cancellationToken);
    }

    /// <summary>Stops every room at once (each as <see cref="ChatEngine.StopAsync"/>); completes when the last has drained.</summary>
    public Task StopAsync(StopReason reason = StopReason.Stopped, string by = ChatEngine.DefaultOperator, CancellationToken cancellationToken = default) =>
        Task.WhenAll(_rooms.Select(r => r.StopAsync(reason, by, cancellationToken)));

    /// <summary>The class-wide <c>arret</c>: every client of every room gets the notice and is closed, and every room stops listening.</summary>
    public Task ArretAsync(string by = ChatEngine.DefaultOperator) => StopAsync(StopReason.Arret, by);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(StopReason.Shutdown, "host");
        foreach (var room in _rooms)
            await room.DisposeAsync();
    }
}
