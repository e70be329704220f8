using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Modes;

/// <summary>
/// Exercise 3: each line goes to every other client as <c>[ip] text</c>. The lines of one network read of a sender are
/// encoded once into one array and queued to every recipient as one entry: fan-out costs one queue write per recipient
/// per read, not per line (see docs/performance.md).
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
        session.Gathered.Append(session.RelayPrefix, text);
        Room.Publish(new LineDelivered(Room.Now, session.Id, session.Ip, text, Math.Max(0, Room.SessionCount - 1)));
    }

    public override void Flush(ClientSession session)
    {
        if (session.Gathered.IsEmpty)
            return;
        var (bytes, lines) = session.Gathered.Take();
        Room.Bus.Publish(new ChatBroadcast(bytes, session.Id, lines));
    }
}
