using ChatOps.Cluster.Options;
using ChatOps.Cluster.Redis;
using ChatOps.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Cluster;

/// <summary>
/// SignalR's Redis backplane for <see cref="ChatOpsHub"/>, with a hub connection that does not wait for Redis: the
/// backplane subscribes each new connection to its own channel in Redis and, Redis being down or hung, would fail or
/// hold the connection, so a projector or a script could not follow this host's own events during an outage. The
/// backplane registers the connection locally before it subscribes, so after <see cref="ClusterOptions.HangTimeout"/>
/// the connection goes on with this host's events (and the others' once Redis is back); only sends aimed at it from
/// another host, which ChatOps never makes, would miss it.
/// </summary>
internal sealed class HubBackplaneLifetime(
    ILogger<RedisHubLifetimeManager<ChatOpsHub>> logger,
    IOptions<RedisOptions> options,
    IHubProtocolResolver protocols,
    IOptions<HubOptions> hubOptions,
    IOptions<HubOptions<ChatOpsHub>> chatOpsHubOptions,
    RedisLink link)
    : RedisHubLifetimeManager<ChatOpsHub>(logger, options, protocols, hubOptions, chatOpsHubOptions)
{
    public override Task OnConnectedAsync(HubConnectionContext connection) => WithoutWaitingForRedisAsync(base.OnConnectedAsync(connection));

    public override Task OnDisconnectedAsync(HubConnectionContext connection) => WithoutWaitingForRedisAsync(base.OnDisconnectedAsync(connection));

    private async Task WithoutWaitingForRedisAsync(Task subscription)
    {
        try
        {
            await subscription.WaitAsync(link.Options.HangTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Redis down (the probe reports it): the subscription, still running, fails or completes on its own.
            _ = subscription.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
