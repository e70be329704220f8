using System.Net.Sockets;
using ChatOps.TcpEngine.Internal;
using ChatOps.TcpEngine.Sessions;
using ChatOps.TcpEngine.Transport;

namespace ChatOps.TcpEngine.Engine;

/// <summary>The accept loop: one <see cref="ClientSession"/> per accepted connection, each run on its own task until it ends.</summary>
public sealed partial class ChatEngine
{
    private async Task AcceptLoopAsync(Socket listener)
    {
        using var handshakes = new PendingHandshakes();
        try
        {
            await AcceptAsync(listener, handshakes);
        }
        finally
        {
            await handshakes.StopAsync();
        }
    }

    private async Task AcceptAsync(Socket listener, PendingHandshakes handshakes)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync();
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is SocketException { SocketErrorCode: SocketError.OperationAborted or SocketError.Interrupted })
            {
                // The listener was closed by StopAsync: this is how the loop ends.
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // A client that connected and reset before we accepted it: nothing to serve.
                continue;
            }
            catch (SocketException ex)
            {
                // Out of file descriptors and the like: log, breathe, keep serving the clients we have.
                EngineLog.AcceptFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(100));
                continue;
            }
            StartSession(socket, handshakes);
        }
    }

    private void StartSession(Socket socket, PendingHandshakes handshakes)
    {
        ChatConnection connection;
        try
        {
            connection = new SocketChatConnection(socket);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Reset between accept and setup: the client is already gone.
            socket.Dispose();
            return;
        }
        if (FromTrustedProxy(connection.RemoteEndPoint))
            handshakes.Start(stopping => ServeProxiedAsync(connection, stopping));
        else
            Serve(connection);
    }

    /// <summary>Runs a session on any connection; in-memory connections come in here in tests.</summary>
    internal ClientSession Serve(ChatConnection connection)
    {
        var session = new ClientSession(_ids.Next(), connection, _room, _options, _time);
        _room.Join(session);
        _running[session.Id] = RunSessionAsync(session);
        return session;
    }

    private async Task RunSessionAsync(ClientSession session)
    {
        await Task.Yield();
        try
        {
            await session.RunAsync(_abortSessions.Token);
        }
        catch (Exception ex)
        {
            EngineLog.SessionFailed(_logger, session.Id, ex);
        }
        finally
        {
            _running.TryRemove(session.Id, out _);
            if (session.SentUntrustedProxyHeader)
                ProxyProtocol.ProxyProtocolLog.UntrustedHeader(_logger, session.Ip);
        }
    }
}
