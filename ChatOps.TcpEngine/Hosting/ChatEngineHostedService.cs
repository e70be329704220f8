using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Hosting;

namespace ChatOps.TcpEngine.Hosting;

/// <summary>
/// Starts every room with the host (binding in <see cref="StartAsync"/>, so the port is known once the host is up) and
/// stops them with the host, which sends every client the shutdown notice.
/// </summary>
internal sealed class ChatEngineHostedService(ChatServer server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(StopReason.Shutdown, "host", cancellationToken);
}
