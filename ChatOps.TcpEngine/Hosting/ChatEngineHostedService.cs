using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Hosting;

namespace ChatOps.TcpEngine.Hosting;

/// <summary>
/// Starts the engine with the host (binding in <see cref="StartAsync"/>, so the port is known once the host is up) and
/// stops it with the host, which sends every client the shutdown notice.
/// </summary>
internal sealed class ChatEngineHostedService(ChatEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(StopReason.Shutdown, "host", cancellationToken);
}
