using System.Net;
using System.Text;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Tests.Support;

/// <summary>The test's end of an <see cref="InMemoryConnection"/>: send bytes, read lines, hang up.</summary>
internal sealed class MemoryClient(InMemoryConnection connection, ClientSession session) : IAsyncDisposable
{
    private readonly LineReader _lines = new(connection.ClientInput);
    private bool _closed;

    public InMemoryConnection Connection => connection;

    public long Id => session.Id;

    public IPEndPoint EndPoint => connection.RemoteEndPoint;

    public string Ip => EndPoint.Address.IsIPv4MappedToIPv6 ? EndPoint.Address.MapToIPv4().ToString() : EndPoint.Address.ToString();

    public Task SendLineAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text + "\n"));

    public async Task SendAsync(byte[] bytes)
    {
        await connection.ClientOutput.WriteAsync(bytes);
    }

    public Task<string?> ReadLineAsync(TimeSpan? timeout = null) => _lines.ReadLineAsync(timeout);

    public Task<byte[]?> ReadLineBytesAsync(TimeSpan? timeout = null) => _lines.ReadLineBytesAsync(timeout);

    public Task<string> ReadUntilAsync(Func<string, bool> match, TimeSpan? timeout = null) => _lines.ReadUntilAsync(match, timeout);

    /// <summary>Reads the lines the server still sends until it closes (bounded), then hangs up as a client would.</summary>
    public async Task<List<string>> ReadToEndAsync(TimeSpan? timeout = null)
    {
        var lines = await _lines.ReadToEndAsync(timeout);
        await CloseAsync();
        return lines;
    }

    /// <summary>Hangs up for good: the engine sees the end of the stream, and the peer gone (as a reset to its next write tells).</summary>
    public async Task CloseAsync()
    {
        if (_closed)
            return;
        _closed = true;
        connection.PeerLeft();
        await connection.ClientOutput.CompleteAsync();
    }

    /// <summary>Shuts down the sending side only (<c>shutdown(SHUT_WR)</c>, <c>nc -N</c>): the client still reads.</summary>
    public async Task HalfCloseAsync() => await connection.ClientOutput.CompleteAsync();

    public ValueTask DisposeAsync() => new(CloseAsync());
}
