using System.Collections.Immutable;
using System.Net;
using ChatOps.TcpEngine.Admission;
using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Modes;
using ChatOps.TcpEngine.Naming;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Engine;

/// <summary>
/// The connected clients and the current mode. Sessions report here; the room applies the protocol words and the
/// connection limits, hands chat lines to the mode, and delivers the bus's broadcasts to its sessions.
/// </summary>
internal sealed class ChatRoom : ISessionHost, IRoom, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, int> _perIp = [];
    private readonly ChatEventFeed _events;
    private readonly TimeProvider _time;
    private readonly IDisposable _busSubscription;
    private readonly Action<string> _arret;
    private readonly IConnectionAdmission? _admission;
    private readonly ClosedTraffic _closed = new();
    private ImmutableArray<ClientSession> _sessions = [];

    public ChatRoom(string name, ChatOptions options, ChatEventFeed events, IChatBus bus, TimeProvider time, Action<string> arret, IConnectionAdmission? admission = null,
        IClientNames? names = null)
    {
        _admission = admission;
        SenderLabel = RelayPrefixes.TryParse(options.RelayPrefix, out var prefix) ? new SenderLabel(prefix, names) : SenderLabel.IpOnly;
        Name = name;
        Options = options;
        _events = events;
        Bus = bus;
        _time = time;
        _arret = arret;
        Mode = ModeBehavior.Create(options.Mode, this);
        _busSubscription = bus.Subscribe(Deliver);
    }

    public ChatOptions Options { get; }

    /// <summary>The notices in this room's <c>Chat:Language</c>.</summary>
    public Notices Notices => Notices.For(Options.Language);

    public IChatBus Bus { get; }

    public ModeBehavior Mode { get; private set; }

    public bool AllowClientArret { get; set; }

    public AutoReply AutoReply { get; set; }

    public SenderLabel SenderLabel { get; }

    public IReadOnlyList<ClientSession> Sessions => _sessions;

    public int SessionCount => _sessions.Length;

    public DateTimeOffset Now => _time.GetUtcNow();

    public string Name { get; }

    /// <summary>Every event of this room goes out here, stamped with its name.</summary>
    public void Publish(ChatEvent chatEvent)
    {
        chatEvent.Room = Name;
        _events.Publish(chatEvent);
    }

    /// <summary>Admits the session, or closes it with a notice when the admission check refuses it or a connection limit is reached.</summary>
    public void Join(ClientSession session)
    {
        if (_admission?.Refuse(session.Address, Notices) is { } refused)
        {
            Publish(new ProtocolViolation(Now, session.Id, session.Ip, ViolationKind.Refused, refused));
            session.Close(DisconnectReason.Limit, refused);
            return;
        }

        (ViolationKind Kind, string Notice)? refusal;
        ModeBehavior mode;
        ClientSession? replaced = null;
        lock (_gate)
        {
            refusal = Refusal(session);
            if (refusal is { Kind: ViolationKind.ServerFull } && LongestIdle() is { } idle)
            {
                // The newcomer takes the slot of the client that has been silent longest (Chat:ReplaceIdleAfter).
                replaced = idle;
                refusal = null;
            }
            mode = Mode;
            if (refusal is null)
            {
                if (!IPAddress.IsLoopback(session.Address))
                    _perIp[session.Address] = _perIp.GetValueOrDefault(session.Address) + 1;
                _sessions = _sessions.Add(session);
                session.JoinedMode = mode;
            }
        }

        // Outside the lock: modes take their own lock and may close sessions, which comes back here.
        replaced?.Close(DisconnectReason.Idle, Notices.ReplacedWhileIdle());
        if (refusal is { } r)
        {
            Publish(new ProtocolViolation(Now, session.Id, session.Ip, r.Kind, r.Notice));
            session.Close(DisconnectReason.Limit, r.Notice);
            return;
        }
        Publish(new ClientConnected(Now, session.Id, session.Ip, session.Port));
        mode.OnJoined(session);
    }

    /// <summary>
    /// Closes every client with <paramref name="notice"/> as its last line, and returns them; with <paramref name="next"/>,
    /// later clients join that mode. Every queue is completed before any session leaves, so nobody is told of the others'
    /// leaves or promoted during the stop.
    /// </summary>
    public IReadOnlyList<ClientSession> CloseAll(DisconnectReason reason, string notice, ChatMode? next = null)
    {
        ImmutableArray<ClientSession> closing;
        lock (_gate)
        {
            closing = _sessions;
            if (next is { } mode)
                Mode = ModeBehavior.Create(mode, this);
        }
        foreach (var session in closing)
            session.Close(reason, notice);
        return closing;
    }

    public void OnLine(ClientSession session, string text, ProtocolWord word)
    {
        Publish(new LineReceived(Now, session.Id, session.Ip, text, word));
        switch (word)
        {
            case ProtocolWord.Bye:
                session.Close(DisconnectReason.Bye, Notices.Goodbye(session.Ip));
                break;
            case ProtocolWord.Arret when AllowClientArret:
                _arret(session.Ip);
                break;
            case ProtocolWord.Arret:
                // The client asked to end everything: it is refused the server, but its own connection ends, as with bye
                // (in sync mode the next waiting client is served).
                Publish(new ProtocolViolation(Now, session.Id, session.Ip, ViolationKind.ArretRefused, "arret is not allowed"));
                session.Close(DisconnectReason.Bye, Notices.ArretRefused());
                break;
            default:
                session.JoinedMode?.OnChatLine(session, text);
                break;
        }
    }

    public void Flush(ClientSession session) => session.JoinedMode?.Flush(session);

    public ClientSession? FullRecipient(ClientSession sender) => sender.JoinedMode?.FullRecipient(sender);

    public void OnInputEnded(ClientSession session) => session.JoinedMode?.OnInputEnded(session);

    public void OnViolation(ClientSession session, ViolationKind kind, string detail) =>
        Publish(new ProtocolViolation(Now, session.Id, session.Ip, kind, detail));

    public void OnClosed(ClientSession session, DisconnectReason reason)
    {
        bool member;
        lock (_gate)
        {
            // Its traffic joins the closed sessions' as it leaves the list, under the lock Traffic reads both with.
            _closed.Add(session.Counters);
            member = _sessions.Contains(session);
            if (member)
            {
                _sessions = _sessions.Remove(session);
                if (!IPAddress.IsLoopback(session.Address) && _perIp.TryGetValue(session.Address, out var count))
                {
                    if (count <= 1)
                        _perIp.Remove(session.Address);
                    else
                        _perIp[session.Address] = count - 1;
                }
            }
        }
        Publish(new ClientDisconnected(Now, session.Id, session.Ip, session.Port, reason));
        if (member)
            session.JoinedMode?.OnLeft(session);
    }

    /// <summary>Every session's traffic, the connected and the closed ones, for metrics (a scrape, not the hot path).</summary>
    public TrafficTotals Traffic()
    {
        lock (_gate)
            return _closed.With(_sessions);
    }

    public void Dispose() => _busSubscription.Dispose();

    /// <summary>
    /// How long <paramref name="session"/> has sent no line, in ticks; 0 while it waits for its turn (sync, async) or for
    /// the teacher's answer (sync): the wait is the server's, not the client's.
    /// </summary>
    public static long IdleTicks(ClientSession session, long nowTicks)
    {
        var mode = session.JoinedMode;
        if (mode is null || mode.StateOf(session) == ServingState.Waiting || mode.PendingReply?.SessionId == session.Id)
            return 0;
        return nowTicks - session.Counters.LastLineInTicks;
    }

    // The client silent the longest, when that is at least Chat:ReplaceIdleAfter; under the gate.
    private ClientSession? LongestIdle()
    {
        if (Options.ReplaceIdleAfter <= TimeSpan.Zero)
            return null;
        var now = Now.UtcTicks;
        ClientSession? longest = null;
        var longestTicks = Options.ReplaceIdleAfter.Ticks - 1;
        foreach (var session in _sessions)
        {
            if (session.IsClosing)
                continue;
            var idle = IdleTicks(session, now);
            if (idle > longestTicks)
                (longest, longestTicks) = (session, idle);
        }
        return longest;
    }

    private (ViolationKind Kind, string Notice)? Refusal(ClientSession session)
    {
        if (_sessions.Length >= Options.MaxClients)
            return (ViolationKind.ServerFull, Notices.ServerFull(Options.MaxClients));
        if (!IPAddress.IsLoopback(session.Address) && _perIp.GetValueOrDefault(session.Address) >= Options.MaxClientsPerIp)
            return (ViolationKind.TooManyFromIp, Notices.TooManyFromIp(session.Ip, Options.MaxClientsPerIp));
        return null;
    }

    private void Deliver(ChatBroadcast message)
    {
        foreach (var session in _sessions)
        {
            if (session.Id != message.ExceptSessionId)
                session.TrySend(new OutgoingLines(message.Bytes, message.Lines));
        }
    }
}
