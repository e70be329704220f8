namespace ChatOps.TcpEngine.Bus;

/// <summary>
/// Lines for every client of the room, already encoded: one line, or the lines relayed from one network read of a
/// sender (<see cref="Lines"/> of them, each ending in a newline). <see cref="ExceptSessionId"/> is the sender, who does
/// not get its own lines back (0: nobody is skipped).
/// </summary>
public sealed record ChatBroadcast(ReadOnlyMemory<byte> Bytes, long ExceptSessionId = 0, int Lines = 1);
