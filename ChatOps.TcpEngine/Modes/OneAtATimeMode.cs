using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Modes;

/// <summary>
/// Exercise 2: the server talks to one client at a time, in arrival order. What the others send meanwhile is kept (up to
/// <c>MaxHeldLines</c>) and handled, in order, when their turn comes.
/// In sync mode every line of the served client waits for exactly one operator reply, answered oldest first, and a
/// waiting client hears nothing until its turn, as from the exercise's single-threaded server (its program sends one
/// message and reads exactly one answer, so a notice would be taken for the answer; <c>Chat:SyncQueueNotices</c> brings
/// them back). In async mode lines go to the operator at once, operator lines go to the client at once, and waiting
/// clients are told their place and their turn.
/// </summary>
internal sealed class OneAtATimeMode(IRoom room, bool repliesRequired) : ModeBehavior(room)
{
    private readonly Lock _gate = new();
    private readonly List<ClientSession> _queue = [];
    private readonly Dictionary<long, Queue<string>> _held = [];
    private readonly Queue<string> _unanswered = new();

    public override ChatMode Mode => repliesRequired ? ChatMode.Sync : ChatMode.Async;

    private ClientSession? Served => _queue.Count > 0 ? _queue[0] : null;

    private bool QueueNotices => !repliesRequired || Room.Options.SyncQueueNotices;

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
                if (QueueNotices)
                    session.TrySend(Notices.Waiting(_queue.Count - 1));
            }
            PublishServing();
        }
    }

    public override void OnLeft(ClientSession session)
    {
        ClientSession? done;
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
            done = Promote();
        }
        done?.Close(DisconnectReason.ClosedByPeer);
    }

    public override void OnChatLine(ClientSession session, string text)
    {
        lock (_gate)
        {
            if (Served == session)
            {
                if (repliesRequired && _unanswered.Count >= Room.Options.MaxHeldLines)
                    DropHeld(session, "unanswered");
                else
                    Handle(session, text);
                return;
            }
            if (!_held.TryGetValue(session.Id, out var held))
                return;
            if (held.Count >= Room.Options.MaxHeldLines)
            {
                DropHeld(session, "waiting");
                return;
            }
            held.Enqueue(text);
        }
    }

    // In sync a half-closed client still gets the answers to its lines, then it is closed; in async it stays a reader.
    public override void OnInputEnded(ClientSession session)
    {
        if (!repliesRequired)
        {
            base.OnInputEnded(session);
            return;
        }
        bool done;
        lock (_gate)
            done = IsDone(session);
        if (done)
            session.Close(DisconnectReason.ClosedByPeer);
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

    public override bool TryReply(string text, out ClientSession? repliedTo, out bool greeting)
    {
        bool done;
        lock (_gate)
        {
            repliedTo = Served;
            greeting = false;
            if (!repliesRequired || repliedTo is null)
                return false;
            greeting = !_unanswered.TryDequeue(out _);
            repliedTo.TrySend(text);
            if (_unanswered.TryPeek(out var next))
                Room.Publish(new ReplyAwaited(Room.Now, repliedTo.Id, repliedTo.Ip, next));
            done = IsDone(repliedTo);
        }
        if (done)
            repliedTo.Close(DisconnectReason.ClosedByPeer);
        return true;
    }

    public override void AnswerWaitingLines()
    {
        ClientSession? done = null;
        lock (_gate)
        {
            if (!repliesRequired || Served is not { } served || !Room.AutoReply.IsOn)
                return;
            while (_unanswered.TryDequeue(out var line))
                AutoAnswer(served, line);
            if (IsDone(served))
                done = served;
        }
        done?.Close(DisconnectReason.ClosedByPeer);
    }

    private void Handle(ClientSession served, string text)
    {
        Room.Publish(new LineDelivered(Room.Now, served.Id, served.Ip, text, 0));
        // With the auto-reply on, the line is answered as it arrives: nothing waits for the teacher.
        if (AutoAnswer(served, text) || !repliesRequired)
            return;
        _unanswered.Enqueue(text);
        if (_unanswered.Count == 1)
            Room.Publish(new ReplyAwaited(Room.Now, served.Id, served.Ip, text));
    }

    private bool AutoAnswer(ClientSession served, string line)
    {
        if (Room.AutoReply.ReplyTo(line) is not { } reply)
            return false;
        served.TrySend(reply);
        Room.Publish(new OperatorLine(Room.Now, served.Id, reply, AutoReply.ActorName, 1));
        return true;
    }

    private void DropHeld(ClientSession session, string which)
    {
        var max = Room.Options.MaxHeldLines;
        Room.Publish(new ProtocolViolation(Room.Now, session.Id, session.Ip, ViolationKind.HeldFull, $"line dropped: {max} {which} lines already"));
        if (QueueNotices)
            session.TrySend(Notices.HeldFull(max));
    }

    // Returns the promoted client when it has nothing more to receive (it half-closed with nothing to be answered).
    private ClientSession? Promote()
    {
        if (Served is not { } next)
            return null;
        next.Counters.TurnStarted(Room.Now.UtcTicks);
        if (QueueNotices)
            next.TrySend(Notices.YourTurn());
        if (_held.Remove(next.Id, out var held))
        {
            foreach (var line in held)
                Handle(next, line);
        }
        return IsDone(next) ? next : null;
    }

    // A half-closed sync client is done once nothing it sent waits for an answer.
    private bool IsDone(ClientSession session) =>
        session.InputEnded && (Served == session ? _unanswered.Count == 0 : !_held.TryGetValue(session.Id, out var held) || held.Count == 0);

    private void PublishServing() => Room.Publish(new ServingChanged(Room.Now, Served?.Id, Math.Max(0, _queue.Count - 1)));
}
