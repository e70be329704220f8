using System.IO.Pipelines;
using System.Net;
using ChatOps.TcpEngine.Transport;

namespace ChatOps.Tests.Support;

/// <summary>
/// A connection made of two pipes, with any remote address: the engine sees a client, the test holds the other ends.
/// <paramref name="clientBufferBytes"/> is how much the "client" lets pile up unread before the engine's writes wait,
/// as a TCP window would.
/// </summary>
internal sealed class InMemoryConnection(IPEndPoint remote, long clientBufferBytes = 64 * 1024) : ChatConnection
{
    private readonly Pipe _toServer = new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
    private readonly Pipe _toClient = new(new PipeOptions(
        pauseWriterThreshold: clientBufferBytes, resumeWriterThreshold: clientBufferBytes / 2, useSynchronizationContext: false));
    private AbortableWriter? _output;
    private int _aborted;

    public override PipeReader Input => _toServer.Reader;

    public override PipeWriter Output => _output ??= new AbortableWriter(_toClient.Writer, () => IsAborted);

    public override IPEndPoint RemoteEndPoint { get; } = remote;

    /// <summary>What the test client writes: the engine reads it.</summary>
    public PipeWriter ClientOutput => _toServer.Writer;

    /// <summary>What the test client reads: the engine writes it.</summary>
    public PipeReader ClientInput => _toClient.Reader;

    private readonly TaskCompletionSource _peerGone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsAborted => Volatile.Read(ref _aborted) != 0;

    /// <summary>The client closed for good (not only its sending side).</summary>
    public void PeerLeft() => _peerGone.TrySetResult();

    public override Task PeerGoneAsync(CancellationToken cancellationToken) => _peerGone.Task.WaitAsync(cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);

    public bool OutputShutDown { get; private set; }

    public override void ShutdownOutput()
    {
        OutputShutDown = true;
        _toClient.Writer.Complete();
    }

    // Like a reset: the engine's pending read ends and its pending write gives up.
    public override void Abort()
    {
        Volatile.Write(ref _aborted, 1);
        _toServer.Reader.CancelPendingRead();
        _toClient.Writer.CancelPendingFlush();
    }

    public override async ValueTask DisposeAsync()
    {
        await _toServer.Reader.CompleteAsync();
        await _toClient.Writer.CompleteAsync();
    }
}
