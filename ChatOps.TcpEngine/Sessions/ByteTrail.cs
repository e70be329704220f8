using System.Buffers;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// The last bytes received and sent on one connection, for the teacher's byte view (what <c>ncat --hex-dump</c> shows).
/// Bounded: at most <see cref="BytesPerDirection"/> bytes each way, kept as the chunks they arrived or left in, so a
/// flood of relayed lines never pushes out what the student wrote. Allocated on the first byte; each loop appends its own
/// direction, snapshots copy under a short lock.
/// </summary>
internal sealed class ByteTrail
{
    public const int BytesPerDirection = 512;

    private readonly Lock _gate = new();
    private List<TrailChunk>? _received;
    private List<TrailChunk>? _sent;
    private int _receivedBytes;
    private int _sentBytes;

    /// <summary>Keeps the tail of one network read: its last <see cref="BytesPerDirection"/> bytes.</summary>
    public void Received(in ReadOnlySequence<byte> read, DateTimeOffset at)
    {
        var tail = read.Length > BytesPerDirection ? read.Slice(read.Length - BytesPerDirection) : read;
        Span<byte> bytes = stackalloc byte[(int)tail.Length];
        tail.CopyTo(bytes);
        lock (_gate)
            Add(_received ??= new List<TrailChunk>(), ref _receivedBytes, bytes, at, sent: false);
    }

    /// <summary>Keeps the tail of a write batch: its last <see cref="BytesPerDirection"/> bytes.</summary>
    public void Sent(List<OutgoingLines> batch, DateTimeOffset at)
    {
        var total = 0;
        for (var i = batch.Count - 1; i >= 0 && total < BytesPerDirection; i--)
            total += batch[i].Bytes.Length;
        total = Math.Min(total, BytesPerDirection);
        Span<byte> tail = stackalloc byte[total];
        var end = total;
        for (var i = batch.Count - 1; i >= 0 && end > 0; i--)
        {
            var bytes = batch[i].Bytes.Span;
            var take = Math.Min(end, bytes.Length);
            bytes[^take..].CopyTo(tail[(end - take)..end]);
            end -= take;
        }
        lock (_gate)
            Add(_sent ??= new List<TrailChunk>(), ref _sentBytes, tail, at, sent: true);
    }

    /// <summary>Both directions, oldest first.</summary>
    public IReadOnlyList<TrailChunk> Snapshot()
    {
        lock (_gate)
            return [.. (_received ?? []).Concat(_sent ?? []).OrderBy(c => c.At)];
    }

    private static void Add(List<TrailChunk> chunks, ref int held, ReadOnlySpan<byte> bytes, DateTimeOffset at, bool sent)
    {
        if (bytes.IsEmpty)
            return;
        if (bytes.Length > BytesPerDirection)
            bytes = bytes[^BytesPerDirection..];
        chunks.Add(new TrailChunk(sent, at, bytes.ToArray()));
        held += bytes.Length;
        var whole = 0;
        while (held - chunks[whole].Bytes.Length >= BytesPerDirection)
            held -= chunks[whole++].Bytes.Length;
        chunks.RemoveRange(0, whole);
        if (held > BytesPerDirection)
        {
            // Keep the newest part of the oldest chunk.
            var excess = held - BytesPerDirection;
            chunks[0] = chunks[0] with { Bytes = chunks[0].Bytes[excess..] };
            held -= excess;
        }
    }
}

/// <summary>Bytes that crossed one connection at once: received from the client, or <see cref="Sent"/> to it.</summary>
public sealed record TrailChunk(bool Sent, DateTimeOffset At, byte[] Bytes);
