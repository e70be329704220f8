namespace ChatOps.TcpEngine.Options;

/// <summary>
/// Every limit of the engine, bound from the <c>Chat</c> configuration section.
/// Students' programs are untrusted input on a shared network: each limit bounds what one of them can cost the others.
/// </summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>The name of the one room a host runs when <c>Chat:Rooms</c> is not set.</summary>
    public const string DefaultRoomName = "main";

    /// <summary>TCP port the students connect to. Default 7070; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 7070;

    /// <summary>Address to listen on. Default <c>*</c>: every interface, IPv4 and IPv6.</summary>
    public string BindAddress { get; set; } = "*";

    /// <summary>Which exercise the engine plays. Default <see cref="ChatMode.Relay"/> (exercise 3).</summary>
    public ChatMode Mode { get; set; } = ChatMode.Relay;

    /// <summary>
    /// Several rooms, each on its own port with its own mode (<c>Chat:Rooms:&lt;name&gt;:Port</c>, <c>:Mode</c>,
    /// <c>:AutoReply</c>), so that students at different exercises work at once. Empty by default: one room named
    /// <see cref="DefaultRoomName"/> on <see cref="Port"/> in <see cref="Mode"/>. Names are case-insensitive.
    /// </summary>
    public Dictionary<string, RoomOptions> Rooms { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a client's <c>arret</c> stops: its room (default) or every room. See <see cref="Options.ArretScope"/>.</summary>
    public ArretScope ArretScope { get; set; } = ArretScope.Room;

    /// <summary>
    /// In sync and async rooms, who answers a served client when the teacher does not: <c>off</c> (default: the exercise
    /// is a conversation with the teacher), <c>echo</c>, or <c>text:&lt;reply&gt;</c>. Each room may set its own, and the
    /// dashboard switches it live. See <see cref="Options.AutoReply"/>.
    /// </summary>
    public string AutoReply { get; set; } = "off";

    /// <summary>
    /// How a relayed line names its sender: <c>ip</c> (<c>[192.168.1.23] bonjour</c>), <c>name</c> (<c>[Alice] bonjour</c>,
    /// the IP when the roster has no name) or <c>ip+name</c> (<c>[192.168.1.23 Alice] bonjour</c>). Default <c>ip</c>: the
    /// lab sheet asks that the relay shows the sender's IP, and students' programs may look for it. Names come from the
    /// dashboard's roster; a name typed while a student is connected shows from their next line. See <see cref="Options.RelayPrefix"/>.
    /// </summary>
    public string RelayPrefix { get; set; } = "ip";

    /// <summary>
    /// The language of the notices students read (welcome, goodbye, limits, arret...): <c>fr</c> or <c>en</c>. Default
    /// <c>fr</c>: the lab, its sheet and its students are French. The words students type (<c>bye</c>, <c>arret</c>, the
    /// mode names) are the same in both.
    /// </summary>
    public ChatLanguage Language { get; set; } = ChatLanguage.Fr;

    /// <summary>Whether a client's <c>arret</c> stops the server, as the exercise asks. Default true.</summary>
    public bool AllowClientArret { get; set; } = true;

    /// <summary>
    /// Longest accepted line in bytes, without its line ending. Default 4096.
    /// Bytes without a newline are buffered up to this size only, so memory stays bounded whatever a client sends.
    /// </summary>
    public int MaxLineBytes { get; set; } = 4096;

    /// <summary>Sustained lines per second one client may send. Default 20: far above typing, far below a runaway loop.</summary>
    public int MaxLinesPerSecond { get; set; } = 20;

    /// <summary>Lines a client may send at once above the rate (a paste). Default 40.</summary>
    public int LineBurst { get; set; } = 40;

    /// <summary>
    /// A client whose dropped lines outnumber its accepted ones by this much is disconnected for flooding. Default 200,
    /// so a burst is only told off while a loop that never stops is cut within seconds.
    /// </summary>
    public int FloodDisconnectAfter { get; set; } = 200;

    /// <summary>
    /// Bytes waiting to be sent to one client (queued, and being written) before its queue counts as full. Default
    /// 2 MiB: 60 s of a full class at the default rate limit (29 senders × 20 lines/s × 60-byte lines = 2.09 MB) before
    /// the kernel's own buffers are counted. A full queue applies backpressure to the senders of its lines (their reading
    /// pauses until it drains to half; see <see cref="StalledReaderTimeout"/>), so nothing is lost. A relayed line is
    /// shared by every recipient's queue, so full queues of the same lines cost the bytes once.
    /// </summary>
    public int MaxQueuedBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// A client whose queue is full and which drained nothing for this long is disconnected: it stopped reading. Default
    /// 2 s. Behind a client that never reads, the others' lines wait at most 1.25 × this once its queue is full (it is
    /// checked every quarter): one short pause for the class, below the 5 s a grader (and a person) takes for a hang,
    /// while a client that drains anything at all (a slow network, a busy laptop) is never cut.
    /// </summary>
    public TimeSpan StalledReaderTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Connected clients at most. Default 256 (a lab is ~30; the rest is headroom for load tests).</summary>
    public int MaxClients { get; set; } = 256;

    /// <summary>
    /// In relay mode, joins and leaves are announced to the other clients while the room holds at most this many clients.
    /// Default 100: in a lab everyone sees who arrives, while thousands of connections (a load test) do not cost a notice
    /// to everyone per arrival — N² lines on the accept path. The operator's screen shows every join either way.
    /// </summary>
    public int AnnounceJoinsUpTo { get; set; } = 100;

    /// <summary>Connections from one IP address at most (loopback is exempt). Default 16, so one runaway program cannot take every slot.</summary>
    public int MaxClientsPerIp { get; set; } = 16;

    /// <summary>In sync and async modes, lines a waiting client may send before its turn (kept and handled in order). Default 100.</summary>
    public int MaxHeldLines { get; set; } = 100;

    /// <summary>
    /// How incoming bytes become lines. Default <see cref="FramingMode.Auto"/>: any line end, and also a message without
    /// one (bytes followed by <see cref="MessageGap"/> of silence, or a NUL), because most students' programs send each
    /// message with one <c>send()</c> and no newline (docs/protocol.md, "Framing").
    /// </summary>
    public FramingMode Framing { get; set; } = FramingMode.Auto;

    /// <summary>
    /// Silence after which bytes without a line end are taken as one message, as the <c>recv()</c> of a student's server
    /// would see them. Default 150 ms: three times the longest pause measured between the writes of one message (Nagle's
    /// algorithm waiting for a delayed ACK, ~40 ms on Linux), and below the ~200 ms at which a person notices a reply is
    /// late (docs/protocol.md, "Choosing the message gap").
    /// </summary>
    public TimeSpan MessageGap { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// How long the first lines to a client (a welcome, the others' lines) wait for it to speak, so they are written in
    /// the encoding it turns out to use: a UTF-16 or writeUTF client misreads everything after a UTF-8 line. Default 2 s:
    /// such a client usually speaks first, a telnet client negotiates at once, and a listen-only <c>nc</c> user sees the
    /// welcome 2 s late, once.
    /// </summary>
    public TimeSpan FirstLinesWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// In sync mode, whether a client waiting for its turn is told its place in line and told when its turn comes.
    /// Default false: the exercise's clients send one message and read exactly one answer, so any notice would be read as
    /// the answer; <c>nc</c> users may want them on.
    /// </summary>
    public bool SyncQueueNotices { get; set; }

    /// <summary>
    /// Joins and leaves of one address announced to the others per minute, in relay mode. Default 6: a student who
    /// reconnects a few times is seen, a program that reconnects in a loop costs the others one summary line a minute.
    /// </summary>
    public int AnnouncementsPerAddressPerMinute { get; set; } = 6;

    /// <summary>
    /// A client that sent no line for this long is disconnected with a notice, so silent connections cannot hold the
    /// slots. Default 30 min: a student reading a long exercise, or listening to the class, sends a line well within that
    /// (a lab's exercises take minutes each), while a forgotten or hoarding connection ends within the lab. Clients
    /// waiting their turn in sync and async rooms, and a served client whose line waits for the teacher, are never idle.
    /// Zero turns it off.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// When the room is full (<see cref="MaxClients"/>), a newcomer replaces the longest-idle client if that one sent no
    /// line for at least this long; it is told why. Default 5 min: no one typing in the last minutes loses their place,
    /// and 250 silent connections no longer lock the class out. Zero: a full room refuses newcomers.
    /// </summary>
    public TimeSpan ReplaceIdleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Bytes of a line must end (a line end, or a pause in <c>auto</c> framing) within this long of its first byte, like an
    /// HTTP server's header timeout: a client that drips a byte every few seconds and never finishes a line is
    /// disconnected. Default 60 s: a person types a line in far less, a program sends it at once. Zero turns it off.
    /// </summary>
    public TimeSpan LineTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The load balancers allowed to say who the client is, with the PROXY protocol v2 header that HAProxy's
    /// <c>send-proxy-v2</c> writes (haproxy's doc/proxy-protocol.txt, section 2.2): each entry an IP address
    /// (<c>10.0.0.5</c>, <c>fd00::5</c>) or a CIDR network (<c>10.0.0.0/24</c>, <c>fd00::/64</c>); in JSON an array, on the
    /// command line <c>--Chat:TrustedProxies:0=10.0.0.5</c>. A connection from one of them must begin with that header,
    /// and the client's address in it is the one the room shows, limits and bans. Any other connection that begins with a
    /// header is refused: only the listed balancers may claim an address. Empty by default: no balancer, no header, every
    /// connection is the client's own, as without the option.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// How long a trusted balancer's connection may take to deliver its PROXY protocol header before it is refused.
    /// Default 5 s: a balancer sends it at once, in the connection's first segment; the spec asks receivers to wait at
    /// least 3 s, to cover one lost segment's retransmission.
    /// </summary>
    public TimeSpan ProxyHeaderTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a closing connection may take to drain its last lines before it is cut. Default 2 s.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The rooms this configuration describes, by port then name: each <see cref="Rooms"/> entry with these options and its
    /// own port, mode and auto-reply, or one room named <see cref="DefaultRoomName"/> from <see cref="Port"/> and <see cref="Mode"/>.
    /// </summary>
    public IReadOnlyList<(string Name, ChatOptions Options)> RoomList()
    {
        if (Rooms.Count == 0)
            return [(DefaultRoomName, this)];
        return Rooms.Select(r => (r.Key, ForRoom(r.Value))).OrderBy(r => r.Item2.Port).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    private ChatOptions ForRoom(RoomOptions room)
    {
        var copy = (ChatOptions)MemberwiseClone();
        copy.Rooms = new Dictionary<string, RoomOptions>(StringComparer.OrdinalIgnoreCase);
        copy.Port = room.Port;
        copy.Mode = room.Mode ?? Mode;
        copy.AutoReply = room.AutoReply ?? AutoReply;
        return copy;
    }
}
