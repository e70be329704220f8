using System.Buffers;
using System.IO.Pipelines;
using ChatOps.TcpEngine.Decoding;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Options;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Transport;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// One connected client. <see cref="RunAsync"/> is the connection: it completes when the connection is over.
/// Incoming bytes go through one <see cref="InboundDecoder"/> on one read loop and the lines it yields go to the room;
/// every outgoing line goes through one bounded queue drained by one write loop, so no two writers ever touch the socket.
/// The session owns its life, as Kestrel's socket connection does: <see cref="Close"/> and <see cref="Abort"/> only
/// signal (record the reason, complete the queue, cut the socket), from any thread; leaving the room — the leave notice,
/// the next client served, the disconnect event — runs once, on the session's own task, when the connection is over.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The close deadline and the pause timer are disposed when RunAsync ends, and every session is run.")]
internal sealed partial class ClientSession : IInboundSink
{
    private readonly ChatConnection _connection;
    private readonly ISessionHost _host;
    private readonly ChatOptions _options;
    private readonly TimeProvider _time;
    private readonly OutgoingQueue _outgoing;
    private readonly InboundDecoder _decoder;
    private readonly LineRateLimiter _rate;
    private readonly Func<bool> _backlogged;
    private readonly CancellationTokenSource _closeDeadline = new();
    private readonly TaskCompletionSource _spoke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _leftRoom = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closing;
    private int _left;
    private bool _peerClosed;
    private int _netDropped;
    private bool _warned;
    private byte[]? _relayPrefix;
    private long _relayPrefixVersion;
    private volatile ReplyEncoding _reply;
    private volatile bool _replyCrLf;

    public ClientSession(long id, ChatConnection connection, ISessionHost host, ChatOptions options, TimeProvider time)
    {
        Id = id;
        _connection = connection;
        _host = host;
        _options = options;
        _time = time;
        Address = IpText.Normalize(connection.ClientEndPoint.Address);
        Ip = IpText.Format(Address);
        Port = connection.ClientEndPoint.Port;
        ConnectedAt = time.GetUtcNow();
        _decoder = new InboundDecoder(options.MaxLineBytes, options.Framing);
        _rate = new LineRateLimiter(options.MaxLinesPerSecond, options.LineBurst, time);
        _outgoing = new OutgoingQueue(options.MaxQueuedBytes);
        _backlogged = () => _outgoing.IsFull;
        Counters.Connected(ConnectedAt.UtcTicks);
    }

    public long Id { get; }
    public System.Net.IPAddress Address { get; }
    public string Ip { get; }
    public int Port { get; }
    public DateTimeOffset ConnectedAt { get; }
    public SessionCounters Counters { get; } = new();
    public ByteTrail Trail { get; } = new();
    public bool IsClosing => Volatile.Read(ref _closing) != 0;
    public DisconnectReason? CloseReason { get; private set; }

    /// <summary>Completes once the session has left its room: its last lines are written (or it was cut), the room forgot it.</summary>
    public Task Left => _leftRoom.Task;

    /// <summary>True once the client shut down its sending side: it only reads now (see <see cref="ISessionHost.OnInputEnded"/>).</summary>
    public bool InputEnded { get; private set; }

    /// <summary>The relay's lines from the current network read, fanned out once the read is done.</summary>
    public LineGatherer Gathered { get; } = new();

    /// <summary>
    /// <c>[ip] </c> (or the sender's name, <c>Chat:RelayPrefix</c>) encoded, for the relay: computed on the first relayed
    /// line, and again only when the roster's version moved, so a name typed while the student is connected shows from
    /// their next line and every other line reuses the bytes. Called by the session's read loop only.
    /// </summary>
    public byte[] RelayPrefixFor(Naming.SenderLabel label)
    {
        var version = label.Version;
        if (_relayPrefix is null || version != _relayPrefixVersion)
        {
            // The version is read before the name: a change in between moves it again, and the next line sees it.
            _relayPrefix = WireFormat.RelayedPrefix(label.For(Address, Port, Ip));
            _relayPrefixVersion = version;
        }
        return _relayPrefix;
    }

    /// <summary>The mode the session joined, so that leaving is handled by the same mode even across a mode switch.</summary>
    public Modes.ModeBehavior? JoinedMode { get; set; }

    /// <summary>
    /// Queues a line (already encoded, with its newline); false once the session is closing. A full queue still takes
    /// it: the senders of such lines pause instead (see <see cref="WaitForRoomAsync"/>), and a client that stops reading is
    /// cut by its stall watchdog.
    /// </summary>
    public bool TrySend(ReadOnlyMemory<byte> line) => TrySend(new OutgoingLines(line, 1));

    /// <inheritdoc cref="TrySend(ReadOnlyMemory{byte})"/>
    public bool TrySend(OutgoingLines lines)
    {
        if (!_outgoing.TryWrite(lines, out var becameFull))
            return false;
        if (becameFull)
            WatchForStall(_connection.BytesSent);
        return true;
    }

    public bool TrySend(string line) => TrySend(WireFormat.Encode(line));

    /// <summary>Sends <paramref name="notice"/> as the last line, then closes gracefully (bounded by CloseTimeout).</summary>
    public void Close(DisconnectReason reason, string? notice = null)
    {
        if (!BeginClose(reason))
            return;
        if (notice is not null)
            _outgoing.TryWrite(new OutgoingLines(WireFormat.Encode(notice), 1), out _);
        _outgoing.Complete();
        Cut(after: _options.CloseTimeout);
        // Wake the read loop: the session ends as soon as its last lines are written.
        _connection.Input.CancelPendingRead();
    }

    /// <summary>Cuts the connection without draining the queue.</summary>
    public void Abort(DisconnectReason reason)
    {
        BeginClose(reason);
        _outgoing.Complete();
        Cut(after: null);
    }
}
