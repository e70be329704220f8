using System.Buffers;
using System.Text;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// Gathers the relayed lines of one network read of one sender (<c>[ip] text\n</c> each, in order) so they are fanned
/// out as one shared array: one queue entry and one wake-up per recipient per read instead of per line. The working
/// buffer is pooled and returned after every read, so an idle session holds nothing. Used by the session's read loop only.
/// </summary>
internal sealed class LineGatherer
{
    private const int InitialBytes = 4096;

    private byte[]? _buffer;
    private int _length;
    private int _lines;

    public bool IsEmpty => _lines == 0;

    /// <summary>Appends <paramref name="prefix"/> (already encoded), <paramref name="text"/> and a newline.</summary>
    public void Append(ReadOnlySpan<byte> prefix, string text)
    {
        var room = Room(prefix.Length + Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
        prefix.CopyTo(room);
        var written = prefix.Length + Encoding.UTF8.GetBytes(text, room[prefix.Length..]);
        room[written] = (byte)'\n';
        _length += written + 1;
        _lines++;
    }

    /// <summary>The gathered lines as one exact-size array (shared by every recipient), and how many; then starts over.</summary>
    public (byte[] Bytes, int Lines) Take()
    {
        var taken = (_buffer.AsSpan(0, _length).ToArray(), _lines);
        if (_buffer is not null)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
        _length = 0;
        _lines = 0;
        return taken;
    }

    private Span<byte> Room(int needed)
    {
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(InitialBytes, needed));
        }
        else if (_buffer.Length - _length < needed)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return _buffer.AsSpan(_length);
    }
}
