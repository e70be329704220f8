using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Sessions;
using ChatOps.Web.Auth;
using ChatOps.Web.Records;
using Microsoft.AspNetCore.SignalR;

namespace ChatOps.Web.Hubs;

/// <summary>
/// <c>/hubs/chatops</c>: the engine's events stream to every connected hub client, each through its own
/// <see cref="HubOutbox"/> (see <see cref="HubEventForwarder"/>);
/// these methods forward the operator's actions to the engine and nothing more.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
internal sealed class ChatOpsHub(ChatServer server, HubSubscribers subscribers, Moderation moderation) : Hub<IChatOpsClient>
{
    public const string Path = "/hubs/chatops";

    // The signed-in user, as on the dashboard: one person has one name in the history and the audit log.
    private string Who => Context.User?.Identity?.Name ?? SignInEndpoints.TeacherName;

    private string? WhoIp => Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString();

    public override Task OnConnectedAsync()
    {
        subscribers.Add(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscribers.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>Every room's connected clients; <see cref="SessionSnapshot.Room"/> says whose.</summary>
    public IReadOnlyList<SessionSnapshot> GetSessions() => server.GetSessions();

    /// <summary>The rooms: name, mode, port (null when stopped), whether listening, clients.</summary>
    public IReadOnlyList<HubRoom> GetRooms() => [.. server.Rooms.Select(HubRoom.Of)];

    /// <summary>A line to every client of every room; returns how many it went to.</summary>
    public int Broadcast(string text) => server.Rooms.Sum(r => r.Broadcast(text, Who));

    /// <summary>A line to every client of one room; 0 when there is no such room.</summary>
    public int BroadcastTo(string room, string text) => server.Room(room)?.Broadcast(text, Who) ?? 0;

    public bool SendTo(long sessionId, string text) => server.RoomOf(sessionId)?.SendTo(sessionId, text, Who) ?? false;

    public Task<bool> Kick(long sessionId) => moderation.KickAsync(sessionId, Who, WhoIp, Context.ConnectionAborted);

    /// <summary>The class-wide arret: every room stops.</summary>
    public Task Arret() => server.ArretAsync(Who);

    /// <summary>One room's arret; false when there is no such room.</summary>
    public async Task<bool> ArretRoom(string room)
    {
        if (server.Room(room) is not { } engine)
            return false;
        await engine.ArretAsync(Who);
        return true;
    }
}
