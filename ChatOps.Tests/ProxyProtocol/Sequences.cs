using System.Buffers;

namespace ChatOps.Tests.ProxyProtocol;

/// <summary>Byte sequences made of several segments, as a pipe hands over bytes that arrived in several reads.</summary>
internal static class Sequences
{
    public static ReadOnlySequence<byte> Of(params byte[][] pieces)
    {
        if (pieces.Length == 0)
            return ReadOnlySequence<byte>.Empty;
        var first = new Segment(pieces[0], 0);
        var last = first;
        foreach (var piece in pieces.Skip(1))
            last = last.Append(piece);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
