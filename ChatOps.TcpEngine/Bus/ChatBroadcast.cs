namespace ChatOps.TcpEngine.Bus;

/// <summary>
/// One line for every client of the room, already encoded. <see cref="ExceptSessionId"/> is the sender, who does not get
/// its own line back (0: nobody is skipped).
/// </summary>
public sealed record ChatBroadcast(ReadOnlyMemory<byte> Line, long ExceptSessionId = 0);
