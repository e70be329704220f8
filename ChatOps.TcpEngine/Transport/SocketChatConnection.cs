using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Transport;

/// <summary>A TCP client socket: read through a pipe, written with gathered sends (see <see cref="WriteAsync"/>).</summary>
internal sealed class SocketChatConnection : ChatConnection
{
    // Below the kernel's limit of 1,024 buffers per sendmsg.
    private const int MaxBuffersPerSend = 512;

    private static readonly TimeSpan PeerProbeInterval = TimeSpan.FromMilliseconds(250);

    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    // The write loop's gathered send: one sendmsg for everything queued instead of a copy into pipe buffers and one send
    // per 4 KiB segment. Reused, since one write loop calls WriteAsync at a time.
    private readonly List<ArraySegment<byte>> _gathered = [];

    public SocketChatConnection(Socket socket)
    {
        _socket = socket;
        // Chat lines are small and interactive: send each write at once.
        _socket.NoDelay = true;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        _stream = new NetworkStream(socket, ownsSocket: false);
        // Zero-byte reads: an idle connection holds no read buffer, so thousands of idle students cost little memory.
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true));
        // Lines go out through WriteAsync; the pipe writer is there for the contract and allocates nothing until used.
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 4096, leaveOpen: true));
    }

    public override PipeReader Input { get; }

    public override PipeWriter Output { get; }

    public override IPEndPoint RemoteEndPoint { get; }

    public override bool HasUnreadInput
    {
        get
        {
            try
            {
                return _socket.Available > 0;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    // One send completes only once the kernel has taken all of it: a send is at most a piece (SendPieces), so that a slow
    // reader's progress shows in BytesSent between pieces.
    internal override async ValueTask<bool> WriteAsync(List<OutgoingLines> batch, Func<bool> backlogged)
    {
        var index = 0;
        var offset = 0;
        while (index < batch.Count)
        {
            _gathered.Clear();
            var bytes = 0;
            var limit = SendPieces.PieceBytes(backlogged);
            while (index < batch.Count && _gathered.Count < MaxBuffersPerSend && bytes < limit)
            {
                var segment = Segment(batch[index].Bytes);
                var take = Math.Min(segment.Count - offset, limit - bytes);
                _gathered.Add(segment.Slice(offset, take));
                bytes += take;
                offset += take;
                if (offset == segment.Count)
                {
                    index++;
                    offset = 0;
                }
            }
            // A stream socket completes a buffer-list send only once every byte is written; less means the connection broke.
            var sent = await _socket.SendAsync(_gathered, SocketFlags.None);
            if (sent != bytes)
                throw new IOException($"Sent {sent} of {bytes} bytes.");
            CountSent(sent);
        }
        return true;
    }

    private static ArraySegment<byte> Segment(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : new ArraySegment<byte>(bytes.ToArray());

    // A peer that closed fully answers our next segment with a reset, which leaves an error on the socket: poll for it.
    // The server's own lines are such segments; the probe interval bounds how long a silent room keeps a gone reader.
    public override async Task PeerGoneAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_socket.Poll(0, SelectMode.SelectError) || _socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int and not 0)
                    return;
                await Task.Delay(PeerProbeInterval, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Cancelled once the session ends, or the socket is already closed: either way there is nothing to watch.
        }
    }

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
