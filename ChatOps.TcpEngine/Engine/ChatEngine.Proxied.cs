using System.Net;
using ChatOps.TcpEngine.Internal;
using ChatOps.TcpEngine.ProxyProtocol;
using ChatOps.TcpEngine.Sessions;
using ChatOps.TcpEngine.Transport;

namespace ChatOps.TcpEngine.Engine;

/// <summary>Connections from a trusted load balancer (<c>Chat:TrustedProxies</c>): the PROXY header first, then the session.</summary>
public sealed partial class ChatEngine
{
    private readonly TrustedProxies _trustedProxies;

    /// <summary>
    /// Reads the balancer's PROXY protocol v2 header, then serves the client it names, as if it had connected directly:
    /// the room shows, limits and bans the client's address. A connection without a valid header is refused, and a
    /// health check (LOCAL, or a connection closed without a byte) is closed quietly: it is not a student.
    /// </summary>
    private async Task ServeProxiedAsync(ChatConnection connection, CancellationToken stopping)
    {
        var balancer = connection.RemoteEndPoint;
        try
        {
            var (header, error) = await ProxyHeaderReader.ReadAsync(connection.Input, _options.ProxyHeaderTimeout, stopping);
            if (header.Command == ProxyCommand.Proxy && error == ProxyHeaderError.None)
            {
                if (header.Source is { } client)
                    connection.ProxiedFor(client);
                Serve(connection);
                return;
            }
            if (error is ProxyHeaderError.None or ProxyHeaderError.Closed)
            {
                ProxyProtocolLog.HealthCheck(_logger, balancer, error == ProxyHeaderError.None ? "LOCAL" : "closed without a header");
                await connection.DisposeAsync();
                return;
            }
            ProxyProtocolLog.HeaderRefused(_logger, balancer, ProxyProtocolLog.Describe(error));
            await RefuseAsync(connection);
        }
        catch (Exception ex) when (ExpectedDisconnect.Is(ex))
        {
            // The balancer reset the connection, or the engine is stopping: there is no one to serve.
            await RefuseAsync(connection);
        }
        catch (Exception ex)
        {
            EngineLog.AcceptFailed(_logger, ex);
            await RefuseAsync(connection);
        }
    }

    // A reset, as the spec asks ("abort the connection as soon as possible so that the sender gets a chance to notice").
    private static async Task RefuseAsync(ChatConnection connection)
    {
        connection.Abort();
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception ex) when (ExpectedDisconnect.Is(ex))
        {
            // Already cut: disposing only releases what is left.
        }
    }

    private bool FromTrustedProxy(IPEndPoint remote) => !_trustedProxies.IsEmpty && _trustedProxies.Contains(remote.Address);
}
