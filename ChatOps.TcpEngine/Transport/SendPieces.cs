namespace ChatOps.TcpEngine.Transport;

/// <summary>
/// Cuts a batch of queued lines into the pieces the transport sends one at a time: 64 KiB at most, and
/// <see cref="ChatConnection.BackloggedPieceBytes"/> while the client's queue is full (asked before each piece).
/// A piece may end inside a line: only bytes matter to the transport.
/// </summary>
internal static class SendPieces
{
    /// <summary>Largest piece in the normal case: one send per batch for any chat traffic, a bound for a flood.</summary>
    public const int MaxPieceBytes = 64 * 1024;

    public static IEnumerable<ReadOnlyMemory<byte>> Of(List<Sessions.OutgoingLines> batch, Func<bool> backlogged)
    {
        foreach (var lines in batch)
        {
            var bytes = lines.Bytes;
            while (!bytes.IsEmpty)
            {
                var size = Math.Min(bytes.Length, PieceBytes(backlogged));
                yield return bytes[..size];
                bytes = bytes[size..];
            }
        }
    }

    public static int PieceBytes(Func<bool> backlogged) => backlogged() ? ChatConnection.BackloggedPieceBytes : MaxPieceBytes;
}
