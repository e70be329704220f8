using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Engine;
using ChatOps.Tests.Web;
using ChatOps.Web.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Tests.Cluster;

/// <summary>
/// Two real ChatOps.Web hosts (Kestrel and the TCP engine on free loopback ports, each with its own data folder, so its
/// own key folder) on one real <c>redis-server</c>, as <c>host-a</c> and <c>host-b</c>.
/// </summary>
public sealed class ClusterWebHosts : IAsyncLifetime
{
    private RedisServer? _redis;
    private ChatOpsWebFactory? _a;
    private ChatOpsWebFactory? _b;

    public Uri A { get; private set; } = default!;

    public Uri B { get; private set; } = default!;

    internal RedisServer Redis => _redis!;

    internal RedisLink LinkB => _b!.Services.GetRequiredService<RedisLink>();

    internal ChatEngine EngineA => _a!.Services.GetRequiredService<ChatServer>().Rooms[0];

    internal ChatEngine EngineB => _b!.Services.GetRequiredService<ChatServer>().Rooms[0];

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        (_a, A) = await StartAsync("host-a");
        (_b, B) = await StartAsync("host-b");
    }

    private async Task<(ChatOpsWebFactory Factory, Uri Address)> StartAsync(string hostId)
    {
        var factory = new ChatOpsWebFactory(new Dictionary<string, string?>
        {
            ["Cluster:Redis"] = _redis!.ConnectionString,
            ["Cluster:HostId"] = hostId,
        });
        factory.StartServer();
        // Sign-ins are the cluster's once the host holds the cluster's stamp.
        await factory.Services.GetRequiredService<SharedSessionStamp>().Synced.WaitAsync(TimeSpan.FromSeconds(20));
        return (factory, new Uri(factory.ServerAddress()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_b is not null)
            await _b.DisposeAsync();
        if (_a is not null)
            await _a.DisposeAsync();
        if (_redis is not null)
            await _redis.DisposeAsync();
    }
}
