using System.Buffers.Text;

namespace ChatOps.Cli.Bench;

/// <summary>
/// The token every benchmark line carries: <c>#b</c>, a phase letter, then sender, sequence and send timestamp in hex,
/// closed by <c>#</c>. Receivers look for it anywhere in a line, so any relay prefix (<c>[ip] </c>, <c>&lt;user1&gt; </c>)
/// is fine. Only printable ASCII: relays that escape bytes above 0x7F leave it intact.
/// </summary>
internal static class Marker
{
    public const byte Probe = (byte)'P';
    public const byte Warmup = (byte)'W';
    public const byte Measured = (byte)'M';

    // "#b" + phase + 3 numbers of at most 16 hex digits + 2 dots + '#'.
    public const int MaxLength = 3 + (3 * 16) + 2 + 1;

    private static ReadOnlySpan<byte> Start => "#b"u8;

    /// <summary>Writes a whole line (token, padding to <paramref name="lineBytes"/>, newline); returns its length.</summary>
    public static int WriteLine(Span<byte> destination, byte phase, int sender, long sequence, long timestamp, int lineBytes)
    {
        var length = Write(destination, phase, sender, sequence, timestamp);
        var end = Math.Max(length, lineBytes - 1);
        destination[length..end].Fill((byte)'x');
        destination[end] = (byte)'\n';
        return end + 1;
    }

    public static int Write(Span<byte> destination, byte phase, int sender, long sequence, long timestamp)
    {
        Start.CopyTo(destination);
        destination[2] = phase;
        var at = 3;
        at += Hex(destination[at..], (ulong)sender);
        destination[at++] = (byte)'.';
        at += Hex(destination[at..], (ulong)sequence);
        destination[at++] = (byte)'.';
        at += Hex(destination[at..], (ulong)timestamp);
        destination[at++] = (byte)'#';
        return at;
    }

    /// <summary>Finds the next token in <paramref name="data"/>; <paramref name="next"/> is where to look for the one after.</summary>
    public static bool TryFind(ReadOnlySpan<byte> data, out MarkerToken token, out int next)
    {
        token = default;
        next = data.Length;
        var from = 0;
        while (true)
        {
            var at = data[from..].IndexOf(Start);
            if (at < 0)
                return false;
            at += from;
            from = at + 2;
            if (TryParse(data[from..], out token, out var used))
            {
                next = from + used;
                return true;
            }
        }
    }

    private static bool TryParse(ReadOnlySpan<byte> data, out MarkerToken token, out int used)
    {
        token = default;
        used = 0;
        if (data.Length < 7 || data[0] is not (Probe or Warmup or Measured))
            return false;
        var rest = data[1..];
        if (!Utf8Parser.TryParse(rest, out ulong sender, out var a, 'x') || a == 0 || a >= rest.Length || rest[a] != '.')
            return false;
        rest = rest[(a + 1)..];
        if (!Utf8Parser.TryParse(rest, out ulong sequence, out var b, 'x') || b == 0 || b >= rest.Length || rest[b] != '.')
            return false;
        rest = rest[(b + 1)..];
        if (!Utf8Parser.TryParse(rest, out ulong timestamp, out var c, 'x') || c == 0 || c >= rest.Length || rest[c] != '#')
            return false;
        token = new MarkerToken(data[0], (int)sender, (long)sequence, (long)timestamp);
        used = 1 + a + 1 + b + 1 + c + 1;
        return true;
    }

    private static int Hex(Span<byte> destination, ulong value)
    {
        Utf8Formatter.TryFormat(value, destination, out var written, new System.Buffers.StandardFormat('x'));
        return written;
    }
}

internal readonly record struct MarkerToken(byte Phase, int Sender, long Sequence, long Timestamp);
