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
    private readonly AnnouncementThrottle _throttle = new(room.Options.AnnouncementsPerAddressPerMinute);

    public override ChatMode Mode => ChatMode.Relay;

    public override void OnJoined(ClientSession session)
    {
        session.TrySend(Notices.Welcome(Mode, Room.SessionCount - 1));
        Announce(session, Notices.Joined(session.Ip));
    }

    public override void OnLeft(ClientSession session) => Announce(session, Notices.Left(session.Ip));

    // A half-closed client still reads the others' lines. The notice also makes a client that closed fully answer with
    // a reset at once, so it does not linger as a reader.
    public override void OnInputEnded(ClientSession session) => session.TrySend(Notices.InputClosed());

    private void Announce(ClientSession session, string notice)
    {
        if (Room.SessionCount > Room.Options.AnnounceJoinsUpTo)
            return;
        var line = _throttle.Next(session.Address, Room.Now) switch
        {
            AnnouncementThrottle.Verdict.Announce => notice,
            AnnouncementThrottle.Verdict.Summarize => Notices.KeepsReconnecting(session.Ip),
            _ => null,
        };
        if (line is not null)
            Room.Bus.Publish(new ChatBroadcast(WireFormat.Encode(line), session.Id));
    }

    public override void OnChatLine(ClientSession session, string text)
    {
        session.Gathered.Append(session.RelayPrefixFor(Room.SenderLabel), text);
        Room.Publish(new LineDelivered(Room.Now, session.Id, session.Ip, text, Math.Max(0, Room.SessionCount - 1)));
    }

    // The sender's lines go to every other client: any of them with a full queue pauses it. A volatile read per client
    // per network read, next to the queue write per client that the fan-out itself costs.
    public override ClientSession? FullRecipient(ClientSession sender)
    {
        foreach (var session in Room.Sessions)
        {
            if (session.QueueFull && session != sender && !session.IsClosing)
                return session;
        }
        return null;
    }

    public override void Flush(ClientSession session)
    {
        if (session.Gathered.IsEmpty)
            return;
        var (bytes, lines) = session.Gathered.Take();
        Room.Bus.Publish(new ChatBroadcast(bytes, session.Id, lines));
    }
}
