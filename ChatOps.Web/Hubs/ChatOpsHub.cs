using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace ChatOps.Web.Hubs;

/// <summary>
/// <c>/hubs/chatops</c>: the engine's events stream to every connected hub client, each through its own
/// <see cref="HubOutbox"/> (see <see cref="HubEventForwarder"/>);
/// these methods forward the operator's actions to the engine and nothing more.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
internal sealed class ChatOpsHub(ChatEngine engine, HubSubscribers subscribers) : Hub<IChatOpsClient>
{
    public const string Path = "/hubs/chatops";
    public const string Who = "hub";

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

    public bool Kick(long sessionId) => engine.Kick(sessionId);

    public Task Arret() => engine.ArretAsync(Who);
}
