namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// Encoded bytes waiting for one client: a single line, or several lines relayed from one network read of a sender
/// (each ending in a newline). <see cref="Count"/> is how many lines, so queue limits and counters stay in lines.
/// </summary>
internal readonly record struct OutgoingLines(ReadOnlyMemory<byte> Bytes, int Count);
