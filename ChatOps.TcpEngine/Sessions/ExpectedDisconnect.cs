using System.Net.Sockets;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// The ways a TCP connection usually ends, which are not faults: the peer reset or aborted it, or we closed it while a
/// read or write was pending (our abort disposes the socket and cancels the read). Anything else is a bug, and is logged.
/// </summary>
internal static class ExpectedDisconnect
{
    public static bool Is(Exception ex) => ex switch
    {
        SocketException s => IsPeerOrOurClose(s.SocketErrorCode),
        IOException { InnerException: SocketException s } => IsPeerOrOurClose(s.SocketErrorCode),
        // A read or write on a socket or pipe that our own abort disposed or completed.
        ObjectDisposedException or OperationCanceledException => true,
        IOException => true,
        // PipeReader/PipeWriter calls after our side completed them during an abort.
        InvalidOperationException { Source: "System.IO.Pipelines" } => true,
        _ => false,
    };

    private static bool IsPeerOrOurClose(SocketError error) => error is SocketError.ConnectionReset or SocketError.ConnectionAborted
        or SocketError.Shutdown or SocketError.OperationAborted or SocketError.Interrupted or SocketError.NotConnected
        or SocketError.TimedOut or SocketError.NetworkReset or SocketError.HostUnreachable or SocketError.NetworkUnreachable;
}
