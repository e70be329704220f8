using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.TcpEngine.Transport;

/// <summary>A TCP client socket seen through pipes.</summary>
internal sealed class SocketChatConnection : ChatConnection
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    public SocketChatConnection(Socket socket)
    {
        _socket = socket;
        // Chat lines are small and interactive: send each flush at once.
        _socket.NoDelay = true;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        _stream = new NetworkStream(socket, ownsSocket: false);
        // Zero-byte reads: an idle connection holds no read buffer, so thousands of idle students cost little memory.
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true));
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 4096, leaveOpen: true));
    }

    public override PipeReader Input { get; }

    public override PipeWriter Output { get; }

    public override IPEndPoint RemoteEndPoint { get; }

    public override void ShutdownOutput()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The peer may already be gone; there is nothing left to tell it.
        }
    }

    public override void Abort()
    {
        try
        {
            // Linger 0: a reset, so a client that never reads cannot hold the socket in FIN_WAIT with a full buffer.
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
        _socket.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        await Input.CompleteAsync();
        try
        {
            // Completing the writer flushes what is left; to a peer that reset, that fails, and it no longer matters.
            await Output.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
        }
        await _stream.DisposeAsync();
        _socket.Dispose();
    }
}
