using System.Buffers;

namespace ChatOps.TcpEngine.Framing;

/// <summary>
/// Cuts a byte stream into <c>\n</c>-terminated lines, dropping a <c>\r</c> before the <c>\n</c>.
/// Never holds more than <see cref="MaxLineBytes"/> (+1 for a <c>\r</c>) bytes of an unfinished line: past that the line is
/// reported once as <see cref="FrameResult.TooLong"/> and its bytes are skipped until its newline, so a client that sends
/// megabytes without a newline costs a bounded buffer.
/// </summary>
public sealed class LineFramer(int maxLineBytes)
{
    private bool _skipping;

    public int MaxLineBytes { get; } = maxLineBytes > 0 ? maxLineBytes : throw new ArgumentOutOfRangeException(nameof(maxLineBytes));

    /// <summary>True once a line ended with <c>\r\n</c>; false while only bare <c>\n</c> was seen.</summary>
    public bool SawCarriageReturn { get; private set; }

    /// <summary>True once a line ended with a bare <c>\n</c>.</summary>
    public bool SawBareLineFeed { get; private set; }

    /// <summary>
    /// Takes the next line off the front of <paramref name="buffer"/> (which is advanced past what was consumed).
    /// Call in a loop until it returns <see cref="FrameResult.NeedMore"/>.
    /// </summary>
    public FrameResult TryRead(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        line = default;
        while (true)
        {
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                if (_skipping)
                {
                    buffer = buffer.Slice(buffer.End);
                    return FrameResult.NeedMore;
                }
                // +1: a full-length line may still be waiting for the '\n' after its '\r'.
                if (buffer.Length > MaxLineBytes + 1)
                {
                    _skipping = true;
                    buffer = buffer.Slice(buffer.End);
                    return FrameResult.TooLong;
                }
                return FrameResult.NeedMore;
            }

            var candidate = buffer.Slice(0, newline.Value);
            buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            if (_skipping)
            {
                _skipping = false;
                continue;
            }

            if (EndsWithCarriageReturn(candidate))
            {
                candidate = candidate.Slice(0, candidate.Length - 1);
                SawCarriageReturn = true;
            }
            else
            {
                SawBareLineFeed = true;
            }

            if (candidate.Length > MaxLineBytes)
                return FrameResult.TooLong;

            line = candidate;
            return FrameResult.Line;
        }
    }

    private static bool EndsWithCarriageReturn(in ReadOnlySequence<byte> candidate)
    {
        if (candidate.IsEmpty)
            return false;
        var reader = new SequenceReader<byte>(candidate);
        reader.Advance(candidate.Length - 1);
        return reader.TryPeek(out var last) && last == (byte)'\r';
    }
}
