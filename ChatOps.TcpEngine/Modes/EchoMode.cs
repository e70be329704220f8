using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Modes;

/// <summary>Exercise 1: each line goes back to its sender unchanged. No welcome line: the student's client expects its echo first.</summary>
internal sealed class EchoMode(IRoom room) : ModeBehavior(room)
{
    public override ChatMode Mode => ChatMode.Echo;

    public override void OnChatLine(ClientSession session, string text)
    {
        var sent = session.TrySend(text);
        Room.Publish(new LineDelivered(Room.Now, session.Id, session.Ip, text, sent ? 1 : 0));
    }

    // Every echo is queued already: once they are written, there is nothing more for a half-closed client.
    public override void OnInputEnded(ClientSession session) => session.Close(DisconnectReason.ClosedByPeer);
}
