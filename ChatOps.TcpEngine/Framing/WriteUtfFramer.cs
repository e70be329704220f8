using System.Buffers;

namespace ChatOps.TcpEngine.Framing;

/// <summary>
/// Cuts Java <c>DataOutputStream.writeUTF</c> records out of a byte stream: a 2-byte big-endian length, then that many
/// bytes of modified UTF-8. Each record is one frame, whatever the pauses. A record longer than the limit is reported
/// and skipped by its length, so memory stays bounded.
/// </summary>
internal sealed class WriteUtfFramer(int maxFrameBytes)
{
    private int _header;
    private int _headerBytes;
    private int _expected = -1;
    private int _skip;
    private byte[]? _body;
    private int _have;

    public int PendingBytes => _headerBytes + _have;

    public void Push(ReadOnlySpan<byte> chunk, IFrameSink sink)
    {
        while (!chunk.IsEmpty)
        {
            if (_skip > 0)
            {
                var n = Math.Min(_skip, chunk.Length);
                _skip -= n;
                chunk = chunk[n..];
                continue;
            }
            if (_expected < 0)
            {
                ReadHeader(chunk[0], sink);
                chunk = chunk[1..];
                continue;
            }
            var need = _expected - _have;
            if (_have == 0 && chunk.Length >= need)
            {
                _expected = -1;
                sink.OnFrame(chunk[..need]);
                chunk = chunk[need..];
                continue;
            }
            var take = Math.Min(need, chunk.Length);
            _body ??= ArrayPool<byte>.Shared.Rent(_expected);
            chunk[..take].CopyTo(_body.AsSpan(_have));
            _have += take;
            chunk = chunk[take..];
            if (_have == _expected)
            {
                _expected = -1;
                sink.OnFrame(_body.AsSpan(0, _have));
                Release();
            }
        }
    }

    /// <summary>The input ended: a record cut short is dropped; returns how many of its bytes were held.</summary>
    public int End()
    {
        var dropped = PendingBytes;
        Release();
        _headerBytes = 0;
        _header = 0;
        _expected = -1;
        return dropped;
    }

    private void ReadHeader(byte b, IFrameSink sink)
    {
        _header = (_header << 8) | b;
        if (++_headerBytes < 2)
            return;
        var length = _header;
        _header = 0;
        _headerBytes = 0;
        if (length == 0)
        {
            sink.OnFrame([]);
        }
        else if (length > maxFrameBytes)
        {
            _skip = length;
            sink.OnTooLong(unfinished: false);
        }
        else
        {
            _expected = length;
        }
    }

    private void Release()
    {
        if (_body is not null)
            ArrayPool<byte>.Shared.Return(_body);
        _body = null;
        _have = 0;
    }
}
