using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.Tests.Support;

/// <summary>A student's program as the engine sees it: a real TCP socket on loopback, read line by line with bounded waits.</summary>
internal sealed class TcpTestClient : IAsyncDisposable
{
    private readonly NetworkStream _stream;
    private readonly LineReader _lines;

    private TcpTestClient(Socket socket)
    {
        Socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _lines = new LineReader(PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true)));
    }

    public Socket Socket { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)Socket.LocalEndPoint!;

    /// <summary>Connects; <paramref name="receiveBuffer"/> shrinks the kernel's receive buffer (for clients that never read).</summary>
    public static async Task<TcpTestClient> ConnectAsync(IPEndPoint server, int? receiveBuffer = null, IPAddress? from = null)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (receiveBuffer is { } size)
                socket.ReceiveBufferSize = size;
            if (from is not null)
                socket.Bind(new IPEndPoint(from, 0));
            using var cts = new CancellationTokenSource(LineReader.DefaultTimeout);
            await socket.ConnectAsync(server, cts.Token);
            return new TcpTestClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public Task SendLineAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text + "\n"));

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!bytes.IsEmpty)
        {
            var sent = await Socket.SendAsync(bytes, SocketFlags.None, cts.Token);
            bytes = bytes[sent..];
        }
    }

    public Task<string?> ReadLineAsync(TimeSpan? timeout = null) => _lines.ReadLineAsync(timeout);

    public Task<byte[]?> ReadLineBytesAsync(TimeSpan? timeout = null) => _lines.ReadLineBytesAsync(timeout);

    public Task<string> ReadUntilAsync(Func<string, bool> match, TimeSpan? timeout = null) => _lines.ReadUntilAsync(match, timeout);

    /// <summary>Reads what the server still sends until it closes the connection (bounded).</summary>
    public Task<List<string>> ReadToEndAsync(TimeSpan? timeout = null) => _lines.ReadToEndAsync(timeout);

    /// <summary>Sends a FIN: the engine sees the end of our stream, we can still read.</summary>
    public void ShutdownSend() => Socket.Shutdown(SocketShutdown.Send);

    /// <summary>Closes with a reset (RST) instead of a FIN, as a killed program's socket may.</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        Socket.Dispose();
    }
}
