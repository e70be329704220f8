using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Redis;
using ChatOps.Web.Auth;
using StackExchange.Redis;

namespace ChatOps.Web.Cluster;

/// <summary>
/// With <c>Cluster:Redis</c>, the sign-in stamp (<see cref="SessionStamp"/>) is one for the cluster and Redis holds it
/// (<c>&lt;prefix&gt;:web:stamp</c>); each host's <see cref="SessionStamp"/> is its copy. The first host to start writes
/// its own, the others adopt it, so a host's restart ends nobody's sign-in; a sign-out writes a new one and publishes it,
/// so every host ends the sign-in at once. A host that was cut from Redis reads it again when Redis answers, unless it
/// signed out meanwhile: then its stamp wins, since an ended sign-in must not come back.
/// </summary>
internal sealed class SharedSessionStamp : IHostedService, IDisposable
{
    private readonly SessionStamp _stamp;
    private readonly RedisLink _link;
    private readonly ILogger _logger;
    private readonly RedisKey _key;
    private readonly RedisChannel _channel;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private string? _unsaved; // a sign-out's stamp that Redis has not taken yet
    private Task _first = Task.CompletedTask;

    public SharedSessionStamp(SessionStamp stamp, RedisLink link, ILogger<SharedSessionStamp> logger)
    {
        _stamp = stamp;
        _link = link;
        _logger = logger;
        _key = $"{link.Options.KeyPrefix}:web:stamp";
        _channel = RedisChannel.Literal($"{link.Options.KeyPrefix}:web:stamp");
    }

    /// <summary>Completes once this host holds the cluster's stamp (the first time Redis answered).</summary>
    public Task Synced => _first;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _link.StateChanged += OnRedisState;
        try
        {
            await _link.Connection.GetSubscriber().SubscribeAsync(_channel, (_, message) => Adopt(message.ToString())).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Redis is not there yet: the library subscribes again when it connects, and OnRedisState reads the stamp.
            _link.ReportFailure("SUBSCRIBE stamp");
        }
        // Not awaited: the dashboard starts even when Redis does not answer (its own cookies work, the others' wait).
        _first = FirstSyncAsync(_stop.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _link.StateChanged -= OnRedisState;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _first.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>A sign-out's new stamp: written to Redis and published, or kept until Redis answers.</summary>
    public async Task SaveAsync(string stamp)
    {
        lock (_gate)
            _unsaved = stamp;
        await SyncAsync().ConfigureAwait(false);
    }

    private async Task FirstSyncAsync(CancellationToken stop)
    {
        try
        {
            await _link.WhenUpAsync(stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return; // stopping before Redis ever answered
        }
        await SyncAsync().ConfigureAwait(false);
    }

    private void OnRedisState(bool up)
    {
        if (up)
            _ = SyncAsync(); // never throws: failures are logged and wait for the next time Redis answers
    }

    private async Task SyncAsync()
    {
        string? unsaved;
        lock (_gate)
            unsaved = _unsaved;
        try
        {
            if (unsaved is not null)
            {
                await _link.RunAsync(db => db.StringSetAsync(_key, unsaved), "SET stamp").ConfigureAwait(false);
                lock (_gate)
                {
                    if (_unsaved == unsaved)
                        _unsaved = null;
                }
                await _link.RunAsync(db => db.PublishAsync(_channel, unsaved), "PUBLISH stamp").ConfigureAwait(false);
                return;
            }
            // The first host writes its own; everyone (the first included) takes what Redis holds.
            var shared = await _link.RunAsync(async db =>
            {
                await db.StringSetAsync(_key, _stamp.Current, when: When.NotExists).ConfigureAwait(false);
                return await db.StringGetAsync(_key).ConfigureAwait(false);
            }, "GET stamp").ConfigureAwait(false);
            if (!shared.IsNullOrEmpty)
                Adopt(shared.ToString());
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            if (unsaved is not null)
                ClusterLog.SignOutNotShared(_logger, e.GetType().Name);
            else
                ClusterLog.StampNotRead(_logger, e.GetType().Name);
        }
    }

    private void Adopt(string stamp)
    {
        lock (_gate)
        {
            // This host's sign-out not yet in Redis wins over what Redis says: it is newer.
            if (_unsaved is not null)
                return;
        }
        if (stamp.Length > 0 && _stamp.Adopt(stamp))
            ClusterLog.StampAdopted(_logger);
    }

    public void Dispose() => _stop.Dispose();
}
