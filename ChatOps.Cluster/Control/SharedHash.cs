using System.Collections.Immutable;
using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatOps.Cluster.Control;

/// <summary>
/// A Redis hash that every host mirrors in memory (the cluster's bans, its roster): Redis owns it, a change is written
/// there and announced on a control channel, and every host reads the whole hash again on the announcement and whenever
/// Redis answers again (a host cut off missed the announcements, not the hash).
/// </summary>
/// <remarks>
/// A change made while Redis does not answer holds at once in this host's mirror and waits in <see cref="_unshared"/>;
/// it is written, in order, before the next read, so that a reconnecting host neither loses it nor has it overwritten.
/// </remarks>
internal sealed class SharedHash : IDisposable
{
    private readonly RedisLink _link;
    private readonly ILogger _logger;
    private readonly RedisKey _key;
    private readonly RedisChannel _channel;
    private readonly string _what;
    private readonly Lock _gate = new();
    private readonly List<(string Field, string? Value)> _unshared = [];
    private readonly SemaphoreSlim _reading = new(1, 1);
    private ImmutableDictionary<string, string> _fields = ImmutableDictionary<string, string>.Empty;

    public SharedHash(RedisLink link, string name, ILogger logger)
    {
        _link = link;
        _logger = logger;
        _what = name;
        _key = $"{link.Options.KeyPrefix}:{name}";
        _channel = RedisChannel.Literal($"{link.Options.KeyPrefix}:control:{name}");
        link.StateChanged += OnRedisState;
        Listening = SubscribeAsync();
    }

    /// <summary>Completes once this host listens for the other hosts' changes (or could not, Redis being down).</summary>
    public Task Listening { get; }

    /// <summary>The mirror: field → value.</summary>
    public ImmutableDictionary<string, string> Fields => _fields;

    /// <summary>Raised after the mirror changed (the fields before, the fields now), on the thread that changed it.</summary>
    public event Action<ImmutableDictionary<string, string>, ImmutableDictionary<string, string>>? Changed;

    /// <summary>Sets a field (null: removes it) here at once, then in Redis; false when Redis did not answer (written when it does).</summary>
    public async Task<bool> SetAsync(string field, string? value)
    {
        // Waiting first: a read of the hash running now then keeps this host's mirror instead of the older hash.
        lock (_gate)
            _unshared.Add((field, value));
        Swap(fields => value is null ? fields.Remove(field) : fields.SetItem(field, value));
        try
        {
            await FlushAsync().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Reads the whole hash again (after writing what waited); a failure leaves the mirror as it was.</summary>
    public async Task ReloadAsync()
    {
        await _reading.WaitAsync().ConfigureAwait(false);
        try
        {
            await FlushAsync().ConfigureAwait(false);
            var entries = await _link.RunAsync(db => db.HashGetAllAsync(_key), "HGETALL").ConfigureAwait(false);
            bool waiting;
            lock (_gate)
                waiting = _unshared.Count > 0;
            // A change made during the read is newer than what was read: the next announcement brings it.
            if (!waiting)
                Swap(_ => entries.ToImmutableDictionary(e => e.Name.ToString(), e => e.Value.ToString()));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Marked down: read again when Redis answers.
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            (string Field, string? Value) next;
            lock (_gate)
            {
                if (_unshared.Count == 0)
                    return;
                next = _unshared[0];
            }
            await _link.RunAsync(async db =>
            {
                if (next.Value is null)
                    await db.HashDeleteAsync(_key, next.Field).ConfigureAwait(false);
                else
                    await db.HashSetAsync(_key, next.Field, next.Value).ConfigureAwait(false);
                return await db.PublishAsync(_channel, next.Field).ConfigureAwait(false);
            }, $"{_what} write").ConfigureAwait(false);
            lock (_gate)
                _unshared.Remove(next);
        }
    }

    private void Swap(Func<ImmutableDictionary<string, string>, ImmutableDictionary<string, string>> change)
    {
        ImmutableDictionary<string, string> before, after;
        lock (_gate)
        {
            before = _fields;
            _fields = after = change(before);
        }
        if (!ReferenceEquals(before, after))
            Changed?.Invoke(before, after);
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _link.Connection.GetSubscriber().SubscribeAsync(_channel, (channel, message) => Reload()).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Redis is not there yet: OnRedisState reads the hash when it answers.
            _link.ReportFailure($"SUBSCRIBE {_what}");
        }
    }

    private void OnRedisState(bool up)
    {
        if (up)
            Reload();
    }

    private void Reload() => _ = ReloadLoggedAsync();

    private async Task ReloadLoggedAsync()
    {
        try
        {
            await ReloadAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping: a last wake-up arrived after the link closed.
        }
        catch (Exception e)
        {
            ClusterLog.SharedStateFailed(_logger, _what, e);
        }
    }

    // The semaphore is not disposed: a read still running when the host stops releases it.
    public void Dispose() => _link.StateChanged -= OnRedisState;
}
