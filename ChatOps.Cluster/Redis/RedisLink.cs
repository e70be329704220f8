using ChatOps.Cluster.Internal;
using ChatOps.Cluster.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChatOps.Cluster.Redis;

/// <summary>
/// The one connection of this host to Redis, and whether Redis answers. Redis counts as down when a command fails or
/// takes longer than <see cref="ClusterOptions.HangTimeout"/>, whether it refused the connection or hangs (a stopped
/// process keeps the socket open and never answers: only a timeout tells). A probe (<c>PING</c> every
/// <see cref="ClusterOptions.ProbeInterval"/>) notices both, and notices when Redis answers again.
/// </summary>
public sealed class RedisLink : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _probe;
    private readonly Lock _gate = new();
    private TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool? _isUp; // null until the first probe answers or fails

    private RedisLink(ConnectionMultiplexer connection, ClusterOptions options, ILogger logger)
    {
        Connection = connection;
        Options = options;
        _logger = logger;
        _probe = ProbeAsync(_stop.Token);
    }

    public ClusterOptions Options { get; }

    public ConnectionMultiplexer Connection { get; }

    public IDatabase Database => Connection.GetDatabase();

    /// <summary>True while Redis answers within <see cref="ClusterOptions.HangTimeout"/>.</summary>
    public bool IsUp
    {
        get
        {
            lock (_gate)
                return _isUp == true;
        }
    }

    /// <summary>Raised with the new state when Redis goes down or comes back (on the probe's thread).</summary>
    public event Action<bool>? StateChanged;

    /// <summary>
    /// Connects without waiting for Redis: a host starts, and its rooms relay locally, even when Redis is not there yet.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    public static RedisLink Connect(ClusterOptions options, ILogger? logger = null)
    {
        var config = ConfigurationOptions.Parse(options.Redis ?? throw new ArgumentException("Cluster:Redis is not set.", nameof(options)));
        var ms = (int)options.HangTimeout.TotalMilliseconds;
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = ms;
        config.AsyncTimeout = ms;
        config.SyncTimeout = ms;
        config.ConnectRetry = 1;
        // The library's default backs off exponentially up to a minute: a Redis restarted during a lab would leave the
        // hosts apart for that long. Every 500 ms costs a refused connection attempt a second while it is down.
        config.ReconnectRetryPolicy = new LinearRetry(500);
        config.ClientName = $"chatops-{options.HostId}";
        return new RedisLink(ConnectionMultiplexer.Connect(config), options, logger ?? NullLogger.Instance);
    }

    /// <summary>Completes when Redis answers (at once if it does now).</summary>
    /// <exception cref="ObjectDisposedException">The link is disposed (before or while waiting): Redis will not come back to it.</exception>
    public async Task WhenUpAsync(CancellationToken cancellationToken)
    {
        Task up;
        lock (_gate)
            up = _up.Task;
        await Task.WhenAny(up, _stopped.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
        ObjectDisposedException.ThrowIf(_stopped.Task.IsCompleted, this);
    }

    /// <summary>A command failed or hung: Redis counts as down until the probe gets an answer.</summary>
    public void ReportFailure(string reason) => SetState(false, reason);

    /// <summary>Runs a Redis command with the hang timeout; a failure or a timeout marks Redis down, and rethrows.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, string what)
    {
        try
        {
            return await command(Database).WaitAsync(Options.HangTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            ReportFailure($"{what}: {e.GetType().Name}");
            throw;
        }
    }

    private async Task ProbeAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Options.ProbeInterval);
        do
        {
            try
            {
                await Database.PingAsync().WaitAsync(Options.HangTimeout, stop).ConfigureAwait(false);
                SetState(true, "");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                SetState(false, $"PING: {e.GetType().Name}");
            }
        }
        while (await Ticks.NextAsync(timer, stop).ConfigureAwait(false));
    }


    private void SetState(bool up, string reason)
    {
        lock (_gate)
        {
            if (_isUp == up)
                return;
            _isUp = up;
            if (up)
                _up.TrySetResult();
            else
                _up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        if (up)
            ClusterLog.RedisUp(_logger, Options.HostId);
        else
            ClusterLog.RedisDown(_logger, Options.HostId, reason);
        StateChanged?.Invoke(up);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _stopped.TrySetResult();
        await _probe.ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
