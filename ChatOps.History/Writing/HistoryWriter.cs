using ChatOps.History.Bans;
using ChatOps.History.Internal;
using ChatOps.History.Options;
using ChatOps.History.Roster;
using ChatOps.History.Status;
using ChatOps.History.Storage;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.History.Writing;

/// <summary>
/// Follows the engine's events and writes them every <see cref="HistoryOptions.FlushInterval"/>, in transactions of up
/// to <see cref="HistoryOptions.MaxBatchEvents"/>. The engine never waits for it: its subscription drops what it cannot
/// hold. When the database fails, events wait in memory (bounded), the fault shows on <see cref="HistoryStatus"/> and in
/// the log, and the write is retried.
/// </summary>
/// <remarks>
/// The last events are written in <see cref="StoppedAsync"/>, after every hosted service has stopped, so the engine's
/// shutdown (its notices, its disconnects, its stop) is in the history whatever order the services were added in.
/// </remarks>
internal sealed class HistoryWriter : IHostedLifecycleService, IAsyncDisposable
{
    private readonly ChatServer _server;
    private readonly HistoryDatabase _database;
    private readonly HistoryStatus _status;
    private readonly BanList _bans;
    private readonly ClassRoster _roster;
    private readonly HistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventBatchWriter _batches;
    private readonly CancellationTokenSource _stopping = new();
    private readonly WriterPacer _pacer;
    private EventSubscription? _subscription;
    private SqliteConnection? _connection;
    private Task _loop = Task.CompletedTask;
    private long _droppedSeen;
    private int _disposed;

    public HistoryWriter(ChatServer server, HistoryDatabase database, HistoryStatus status, BanList bans, ClassRoster roster,
        IOptions<HistoryOptions> options, TimeProvider time, ILogger<HistoryWriter> logger)
    {
        _server = server;
        _database = database;
        _status = status;
        _bans = bans;
        _roster = roster;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _batches = new EventBatchWriter(server);
        _pacer = new WriterPacer(time, _stopping.Token);
    }

    /// <summary>
    /// Before any service starts, whatever the order they were added in: the bans must hold from the engine's first
    /// connection (and the names from its first relayed line), and the engine's start must be seen.
    /// </summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        HistoryLog.Opened(_logger, _database.FilePath);
        _subscription ??= Subscribe();
        await _bans.LoadAsync(cancellationToken);
        await _roster.LoadAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription ??= Subscribe();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Once every service (the web server included) has started, and not before: a start that fails halfway (a busy
    /// port) leaves no row. The events of the start wait in the subscription meanwhile.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _database.ClaimAsync(cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsStorage(ex))
        {
            // The writer's first write meets the same fault, reports it and retries; the chat must start anyway.
            HistoryLog.ClaimFailed(_logger, _database.FilePath, StorageFaults.Describe(ex), ex);
        }
        _loop = Task.Run(RunGuardedAsync, CancellationToken.None);
    }

    private EventSubscription Subscribe() => _server.Events.Subscribe(_options.QueueCapacity, EventRows.IsRecorded);

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends the subscription, writes what is left, and returns when done (or when the host's patience ends).</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        // A test host can be disposed while it is still stopping; disposal already wrote what was left.
        if (Volatile.Read(ref _disposed) != 0)
            return;
        _subscription?.Dispose();
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken);
    }

    /// <summary>Completes after a write attempt that covers every event published before the call.</summary>
    internal Task FlushAsync() => _pacer.RequestFlushAsync();

    public async ValueTask DisposeAsync()
    {
        // Registered twice (as itself and as a hosted service), so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _subscription?.Dispose();
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
        if (_connection is not null)
            await _connection.DisposeAsync();
    }

    private async Task RunGuardedAsync()
    {
        try
        {
            await RunAsync();
        }
        catch (Exception ex)
        {
            // A bug, not a disk: the history stops, the engine goes on, and the dashboard says so.
            _status.ReportFault($"the history writer stopped: {ex.Message}", 0, _time.GetUtcNow());
            HistoryLog.WriterCrashed(_logger, ex);
        }
    }

    private async Task RunAsync()
    {
        var reader = _subscription!.Reader;
        var pending = new List<ChatEvent>();
        var healthy = true;
        while (true)
        {
            if (healthy && pending.Count == 0)
                await _pacer.IdleAsync(reader);
            var interval = healthy ? _options.FlushInterval : _options.RetryInterval;
            await _pacer.PauseAsync(interval);
            var requests = _pacer.TakeFlushRequests();
            // A flush request or the stop takes everything queued: the budget is for floods, not for the last words.
            var everything = requests.Count > 0 || _stopping.IsCancellationRequested;
            Drain(reader, pending, everything ? int.MaxValue : Budget(interval));
            if (pending.Count > 0)
                healthy = await TryWriteAsync(pending);
            foreach (var request in requests)
                request.TrySetResult();
            if (reader.Completion.IsCompleted)
                break;
        }
        if (pending.Count > 0)
            Drop(pending.Count); // The database stayed down until the end.
    }

    // What one round may take under Data:MaxEventsPerSecond, so a flood costs the writer bounded work.
    private int Budget(TimeSpan interval) => (int)Math.Clamp(_options.MaxEventsPerSecond * interval.TotalSeconds, 1, int.MaxValue);

    private void Drain(System.Threading.Channels.ChannelReader<ChatEvent> reader, List<ChatEvent> pending, int budget)
    {
        var overflow = 0;
        // Past the budget, events stay queued for the next rounds; what the queue cannot hold is dropped as it arrives.
        for (var taken = 0; taken < budget && reader.TryRead(out var chatEvent); taken++)
        {
            if (pending.Count < _options.MaxPendingEvents)
                pending.Add(chatEvent);
            else
                overflow++;
        }
        var dropped = _subscription!.Dropped;
        Drop(overflow + (dropped - _droppedSeen));
        _droppedSeen = dropped;
    }

    private void Drop(long count)
    {
        if (count <= 0)
            return;
        _status.ReportDropped(count);
        HistoryLog.Dropped(_logger, count);
    }

    private async Task<bool> TryWriteAsync(List<ChatEvent> pending)
    {
        var wasFaulted = _status.Current.IsFaulted;
        var lines = 0;
        try
        {
            _connection ??= await _database.OpenAsync();
            while (pending.Count > 0)
            {
                var count = Math.Min(pending.Count, _options.MaxBatchEvents);
                lines += await _batches.WriteAsync(_connection, pending.GetRange(0, count), CancellationToken.None);
                pending.RemoveRange(0, count);
            }
            _status.ReportWritten(lines, 0, _time.GetUtcNow());
            if (wasFaulted)
                HistoryLog.Recovered(_logger, _database.FilePath, lines);
            return true;
        }
        catch (Exception ex) when (StorageFaults.IsStorage(ex))
        {
            if (_connection is not null)
                await _connection.DisposeAsync();
            _connection = null;
            if (lines > 0)
                _status.ReportWritten(lines, pending.Count, _time.GetUtcNow());
            var error = StorageFaults.Describe(ex);
            if (_status.ReportFault(error, pending.Count, _time.GetUtcNow()))
                HistoryLog.WriteFailed(_logger, _database.FilePath, error, pending.Count, ex);
            return false;
        }
    }
}
