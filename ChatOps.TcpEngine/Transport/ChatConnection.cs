using System.IO.Pipelines;
using System.Net;

namespace ChatOps.TcpEngine.Transport;

/// <summary>A duplex byte stream to one client: a TCP socket in production, in-memory pipes in protocol tests.</summary>
public abstract class ChatConnection : IDuplexPipe, IAsyncDisposable
{
    public abstract PipeReader Input { get; }

    public abstract PipeWriter Output { get; }

    public abstract IPEndPoint RemoteEndPoint { get; }

    /// <summary>Signals the end of our output (a TCP FIN) once the last line is written; the peer can still send.</summary>
    public abstract void ShutdownOutput();

    /// <summary>Cuts the connection now: pending reads and writes fail.</summary>
    public abstract void Abort();

    public abstract ValueTask DisposeAsync();
}
