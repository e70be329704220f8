using System.Collections.Concurrent;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Bus;
using Microsoft.Extensions.Logging;

namespace ChatOps.Cluster.Bus;

/// <summary>The cluster bus of each room of this host, by room name (the engine's <c>busFor</c>); disposes them with the host.</summary>
internal sealed class ClusterBuses(RedisLink link, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RedisStreamBus> _buses = new(StringComparer.Ordinal);

    public IChatBus For(string room) =>
        _buses.GetOrAdd(room, name => new RedisStreamBus(name, link, loggers.CreateLogger<RedisStreamBus>()));

    public async ValueTask DisposeAsync()
    {
        foreach (var bus in _buses.Values)
            await bus.DisposeAsync().ConfigureAwait(false);
    }
}
