using System.Text.Json;
using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Engine;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatOps.Cluster.Control;

/// <summary>
/// Kicks across hosts: a teacher on host A kicks a connection host C holds. The request waits in C's list
/// (<c>{prefix}:host:{id}:kicks</c>, kept <see cref="Kept"/>) and a wake-up on <c>{prefix}:control:kick</c> names C;
/// C takes every request of its list, on the wake-up and whenever Redis answers again, and closes each connection that
/// still matches with the notice of a local kick. The kick is audited where the teacher pressed it, not here.
/// </summary>
public sealed class ClusterKicks : IDisposable
{
    /// <summary>How long a request waits for its host: a host cut off longer than this no longer holds the connection.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ChatServer _server;
    private readonly RedisLink _link;
    private readonly ILogger _logger;
    private readonly RedisChannel _channel;
    private readonly SemaphoreSlim _taking = new(1, 1);

    public ClusterKicks(ChatServer server, RedisLink link, ILogger logger)
    {
        _server = server;
        _link = link;
        _logger = logger;
        _channel = RedisChannel.Literal($"{link.Options.KeyPrefix}:control:kick");
        link.StateChanged += OnRedisState;
        Listening = SubscribeAsync();
    }

    /// <summary>This host's id: the <see cref="KickRequest.FromHost"/> of the kicks its teacher asks for.</summary>
    public string HostId => _link.Options.HostId;

    /// <summary>Completes once this host listens for kicks (or could not, Redis being down).</summary>
    public Task Listening { get; }

    /// <summary>Raised when this host closed a connection for another host's kick.</summary>
    public event Action<KickRequest>? Kicked;

    /// <summary>
    /// Asks host <paramref name="hostId"/> to close one of its connections. True once the request is in Redis (or, for
    /// this host's own connection, once it is closed); false when Redis did not answer.
    /// </summary>
    public async Task<bool> KickAsync(string hostId, KickRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (hostId == _link.Options.HostId)
            return Apply(request);
        try
        {
            var key = KicksKey(hostId);
            await _link.RunAsync(async db =>
            {
                await db.ListRightPushAsync(key, JsonSerializer.Serialize(request, Json)).ConfigureAwait(false);
                await db.KeyExpireAsync(key, Kept).ConfigureAwait(false);
                return await db.PublishAsync(_channel, hostId).ConfigureAwait(false);
            }, "kick").ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _link.Connection.GetSubscriber().SubscribeAsync(_channel, (channel, message) =>
            {
                if (message == _link.Options.HostId)
                    _ = TakeLoggedAsync();
            }).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            _link.ReportFailure("SUBSCRIBE kick");
        }
    }

    private void OnRedisState(bool up)
    {
        if (up)
            _ = TakeLoggedAsync();
    }

    private async Task TakeLoggedAsync()
    {
        try
        {
            await TakeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Marked down (or the host is stopping): the requests wait in the list until Redis answers again.
        }
        catch (Exception e)
        {
            ClusterLog.SharedStateFailed(_logger, "kicks", e);
        }
    }

    private async Task TakeAsync()
    {
        await _taking.WaitAsync().ConfigureAwait(false);
        try
        {
            var key = KicksKey(_link.Options.HostId);
            while (true)
            {
                var taken = await _link.RunAsync(db => db.ListLeftPopAsync(key, 64), "LPOP").ConfigureAwait(false);
                if (taken is null || taken.Length == 0)
                    return;
                foreach (var value in taken)
                {
                    if (JsonSerializer.Deserialize<KickRequest>(value.ToString(), Json) is { } request)
                        Apply(request);
                }
            }
        }
        finally
        {
            _taking.Release();
        }
    }

    private bool Apply(KickRequest request)
    {
        var room = _server.RoomOf(request.SessionId);
        var session = room?.GetSessions().FirstOrDefault(s => s.Id == request.SessionId);
        if (room is null || session is null || session.Ip != request.Ip || session.Port != request.Port || !room.Kick(request.SessionId, request.Reason))
            return false;
        ClusterLog.KickApplied(_logger, request.SessionId, request.Ip, request.Port, request.By, request.FromHost);
        Kicked?.Invoke(request);
        return true;
    }

    private RedisKey KicksKey(string hostId) => $"{_link.Options.KeyPrefix}:host:{hostId}:kicks";

    public void Dispose() => _link.StateChanged -= OnRedisState;
}
