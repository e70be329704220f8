using System.Buffers;
using System.IO.Pipelines;
using System.Net;

namespace ChatOps.TcpEngine.Transport;

/// <summary>A duplex byte stream to one client: a TCP socket in production, in-memory pipes in protocol tests.</summary>
public abstract class ChatConnection : IDuplexPipe, IAsyncDisposable
{
    public abstract PipeReader Input { get; }

    public abstract PipeWriter Output { get; }

    public abstract IPEndPoint RemoteEndPoint { get; }

    /// <summary>
    /// Writes queued lines, in order, and returns once they are handed to the transport; false when the output is closed.
    /// By default through <see cref="Output"/> with one flush; a socket sends them all with one gathered send instead.
    /// </summary>
    internal virtual async ValueTask<bool> WriteAsync(List<Sessions.OutgoingLines> batch)
    {
        foreach (var lines in batch)
            Output.Write(lines.Bytes.Span);
        var flushed = await Output.FlushAsync();
        return !flushed.IsCompleted;
    }

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
