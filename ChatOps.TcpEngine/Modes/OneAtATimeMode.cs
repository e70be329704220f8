using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Modes;

/// <summary>
/// Exercise 2: the server talks to one client at a time, in arrival order. The others wait with a notice; what they send
/// meanwhile is kept (up to <c>MaxHeldLines</c>) and handled, in order, when their turn comes.
/// In sync mode every line of the served client waits for exactly one operator reply, answered oldest first;
/// in async mode lines go to the operator at once and operator lines go to the client at once.
/// </summary>
internal sealed class OneAtATimeMode(IRoom room, bool repliesRequired) : ModeBehavior(room)
{
    private readonly Lock _gate = new();
    private readonly List<ClientSession> _queue = [];
    private readonly Dictionary<long, Queue<string>> _held = [];
    private readonly Queue<string> _unanswered = new();

    public override ChatMode Mode => repliesRequired ? ChatMode.Sync : ChatMode.Async;

    private ClientSession? Served => _queue.Count > 0 ? _queue[0] : null;

    // A one-to-one conversation: the student's program reads the operator's line as it was typed.
    public override string FormatOperatorLine(string text) => text;

    public override void OnJoined(ClientSession session)
    {
        lock (_gate)
        {
            _queue.Add(session);
            if (_queue.Count == 1)
            {
                if (!repliesRequired)
                    session.TrySend(Notices.Welcome(Mode, 0));
            }
            else
            {
                _held[session.Id] = new Queue<string>();
                session.TrySend(Notices.Waiting(_queue.Count - 1));
            }
            PublishServing();
        }
    }

    public override void OnLeft(ClientSession session)
    {
        lock (_gate)
        {
            var index = _queue.IndexOf(session);
            if (index < 0)
                return;
            _queue.RemoveAt(index);
            _held.Remove(session.Id);
            if (index > 0)
            {
                PublishServing();
                return;
            }
            _unanswered.Clear();
            PublishServing();
            Promote();
        }
    }

    public override void OnChatLine(ClientSession session, string text)
    {
        lock (_gate)
        {
            if (Served == session)
            {
                Handle(session, text);
                return;
            }
            if (!_held.TryGetValue(session.Id, out var held))
                return;
            if (held.Count >= Room.Options.MaxHeldLines)
            {
                session.TrySend(Notices.HeldFull(Room.Options.MaxHeldLines));
                return;
            }
            held.Enqueue(text);
        }
    }

    public override ServingState StateOf(ClientSession session)
    {
        lock (_gate)
            return Served == session ? ServingState.Served : ServingState.Waiting;
    }

    public override PendingReply? PendingReply
    {
        get
        {
            lock (_gate)
            {
                return repliesRequired && Served is { } served && _unanswered.TryPeek(out var text)
                    ? new PendingReply(served.Id, served.Ip, text, _unanswered.Count)
                    : null;
            }
        }
    }

    public override bool TryReply(string text, out ClientSession? repliedTo)
    {
        lock (_gate)
        {
            repliedTo = Served;
            if (!repliesRequired || repliedTo is null || !_unanswered.TryDequeue(out _))
                return false;
            repliedTo.TrySend(text);
            if (_unanswered.TryPeek(out var next))
                Room.Publish(new ReplyAwaited(Room.Now, repliedTo.Id, repliedTo.Ip, next));
            return true;
        }
    }

    private void Handle(ClientSession served, string text)
    {
        Room.Publish(new LineDelivered(Room.Now, served.Id, served.Ip, text, 0));
        if (!repliesRequired)
            return;
        _unanswered.Enqueue(text);
        if (_unanswered.Count == 1)
            Room.Publish(new ReplyAwaited(Room.Now, served.Id, served.Ip, text));
    }

    private void Promote()
    {
        if (Served is not { } next)
            return;
        if (!repliesRequired)
            next.TrySend(Notices.YourTurn());
        if (_held.Remove(next.Id, out var held))
        {
            foreach (var line in held)
                Handle(next, line);
        }
    }

    private void PublishServing() => Room.Publish(new ServingChanged(Room.Now, Served?.Id, Math.Max(0, _queue.Count - 1)));
}
