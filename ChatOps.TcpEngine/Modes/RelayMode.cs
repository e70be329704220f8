using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Modes;

/// <summary>
/// Exercise 3: each line goes to every other client as <c>[ip] text</c>. The line is formatted and encoded once; the
/// same bytes are queued to every recipient.
/// </summary>
internal sealed class RelayMode(IRoom room) : ModeBehavior(room)
{
    public override ChatMode Mode => ChatMode.Relay;

    public override void OnJoined(ClientSession session)
    {
        session.TrySend(Notices.Welcome(Mode, Room.SessionCount - 1));
        if (Announces)
            Room.Bus.Publish(new ChatBroadcast(WireFormat.Encode(Notices.Joined(session.Ip)), session.Id));
    }

    public override void OnLeft(ClientSession session)
    {
        if (Announces)
            Room.Bus.Publish(new ChatBroadcast(WireFormat.Encode(Notices.Left(session.Ip)), session.Id));
    }

    private bool Announces => Room.SessionCount <= Room.Options.AnnounceJoinsUpTo;

    public override void OnChatLine(ClientSession session, string text)
    {
        Room.Bus.Publish(new ChatBroadcast(WireFormat.EncodeRelayed(session.Ip, text), session.Id));
        Room.Publish(new LineDelivered(Room.Now, session.Id, session.Ip, text, Math.Max(0, Room.SessionCount - 1)));
    }
}
