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
internal sealed class ChatOpsHub(ChatEngine engine, HubSubscribers subscribers, Moderation moderation) : Hub<IChatOpsClient>
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

    public IReadOnlyList<SessionSnapshot> GetSessions() => engine.GetSessions();

    public int Broadcast(string text) => engine.Broadcast(text, Who);

    public bool SendTo(long sessionId, string text) => engine.SendTo(sessionId, text, Who);

    public Task<bool> Kick(long sessionId) => moderation.KickAsync(sessionId, Who, WhoIp, Context.ConnectionAborted);

    public Task Arret() => engine.ArretAsync(Who);
}
