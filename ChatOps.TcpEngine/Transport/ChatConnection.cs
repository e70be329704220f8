using System.Buffers;
using System.IO.Pipelines;
using System.Net;

namespace ChatOps.TcpEngine.Transport;

/// <summary>A duplex byte stream to one client: a TCP socket in production, in-memory pipes in protocol tests.</summary>
public abstract class ChatConnection : IDuplexPipe, IAsyncDisposable
{
    private long _bytesSent;
    private IPEndPoint? _proxiedClient;

    public abstract PipeReader Input { get; }

    public abstract PipeWriter Output { get; }

    public abstract IPEndPoint RemoteEndPoint { get; }

    /// <summary>
    /// The client's end of the connection: <see cref="RemoteEndPoint"/>, or, behind a trusted balancer, the source its
    /// PROXY protocol header gave (see <see cref="ProxiedFor"/>). Sessions show, limit and ban this one.
    /// </summary>
    public IPEndPoint ClientEndPoint => _proxiedClient ?? RemoteEndPoint;

    /// <summary>Records the client a trusted balancer relays on this connection; called once, before a session reads it.</summary>
    internal void ProxiedFor(IPEndPoint client) => _proxiedClient = client;

    /// <summary>
    /// Bytes the transport has taken so far (for a socket: into the kernel's send buffer, at most 64 KiB at a time). A
    /// full queue whose count does not move is a client that stopped reading.
    /// </summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>
    /// Writes queued lines, in order, and returns once they are handed to the transport; false when the output is closed.
    /// While <paramref name="backlogged"/> says the client's queue is full, the bytes go in pieces of at most
    /// <see cref="BackloggedPieceBytes"/>, so that <see cref="BytesSent"/> shows a slow reader's progress (the stall
    /// watchdog's only sign of life) instead of moving once per large batch.
    /// </summary>
    internal virtual async ValueTask<bool> WriteAsync(List<Sessions.OutgoingLines> batch, Func<bool> backlogged)
    {
        foreach (var piece in SendPieces.Of(batch, backlogged))
        {
            Output.Write(piece.Span);
            var flushed = await Output.FlushAsync();
            if (flushed.IsCompleted)
                return false;
            CountSent(piece.Length);
        }
        return true;
    }

    /// <summary>A piece's size while the queue is full: 4 KiB. A reader that drains less than that per stall timeout is stopped.</summary>
    internal const int BackloggedPieceBytes = 4096;

    /// <summary>
    /// True when bytes have arrived that were not read yet (for a socket: in the kernel's receive buffer). A pause in our
    /// reading (a busy machine, flow control) is then not the client's silence. False by default.
    /// </summary>
    public virtual bool HasUnreadInput => false;

    /// <summary>Adds to <see cref="BytesSent"/> as the transport takes bytes.</summary>
    protected void CountSent(long bytes) => Interlocked.Add(ref _bytesSent, bytes);

    /// <summary>Signals the end of our output (a TCP FIN) once the last line is written; the peer can still send.</summary>
    public abstract void ShutdownOutput();

    /// <summary>
    /// After the peer's FIN, completes once the peer is gone for good (it answered with a reset), so a client that closed
    /// fully is not kept as a half-closed reader. Never completes by default; cancelled through <paramref name="cancellationToken"/>.
    /// </summary>
    public virtual Task PeerGoneAsync(CancellationToken cancellationToken) =>
        Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);

    /// <summary>Cuts the connection now: pending reads and writes fail.</summary>
    public abstract void Abort();

    public abstract ValueTask DisposeAsync();
}
