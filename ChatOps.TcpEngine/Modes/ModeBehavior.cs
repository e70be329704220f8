using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Modes;

/// <summary>What one exercise does with clients' lines and the operator's. One instance per engine run and mode.</summary>
internal abstract class ModeBehavior(IRoom room)
{
    protected IRoom Room { get; } = room;

    protected Notices Notices => Notices.For(Room.Options.Language);

    public abstract ChatMode Mode { get; }

    public virtual void OnJoined(ClientSession session)
    {
    }

    public virtual void OnLeft(ClientSession session)
    {
    }

    public abstract void OnChatLine(ClientSession session, string text);

    /// <summary>
    /// The client shut down its sending side. By default it stays a reader (async: the operator may still write to it)
    /// and is told so; modes with nothing more to send close it.
    /// </summary>
    public virtual void OnInputEnded(ClientSession session) => session.TrySend(Notices.InputClosed());

    /// <summary>Sends what <see cref="OnChatLine"/> gathered from <paramref name="session"/> (relay gathers per network read).</summary>
    public virtual void Flush(ClientSession session)
    {
    }

    /// <summary>
    /// Whose full queue pauses reading from <paramref name="sender"/> (flow control). By default its own: the server's
    /// answers go to the client that sent the lines (echo, sync, async).
    /// </summary>
    public virtual ClientSession? FullRecipient(ClientSession sender) => sender.QueueFull ? sender : null;

    /// <summary>How an operator line looks to clients: <c>[server] text</c> where several clients talk.</summary>
    public virtual string FormatOperatorLine(string text) => Protocol.WireFormat.FromOperator(text);

    public virtual ServingState StateOf(ClientSession session) => ServingState.NotApplicable;

    /// <summary>The line the operator must answer next (sync mode only).</summary>
    public virtual PendingReply? PendingReply => null;

    /// <summary>
    /// Answers the oldest unanswered line of the served client (sync mode only). When no line waits, the text greets the
    /// served client instead (<paramref name="greeting"/>): a client that reads before it writes waits for the server to
    /// speak first. False when no client is served.
    /// </summary>
    public virtual bool TryReply(string text, out ClientSession? repliedTo, out bool greeting)
    {
        repliedTo = null;
        greeting = false;
        return false;
    }

    /// <summary>Sync mode: once the auto-reply is turned on, answers the lines that wait for the teacher. Others: nothing waits.</summary>
    public virtual void AnswerWaitingLines()
    {
    }

    public static ModeBehavior Create(ChatMode mode, IRoom room) => mode switch
    {
        ChatMode.Echo => new EchoMode(room),
        ChatMode.Relay => new RelayMode(room),
        ChatMode.Sync => new OneAtATimeMode(room, repliesRequired: true),
        ChatMode.Async => new OneAtATimeMode(room, repliesRequired: false),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown chat mode."),
    };
}

/// <summary>The line the operator must answer in sync mode.</summary>
public sealed record PendingReply(long SessionId, string Ip, string Text, int Unanswered);
