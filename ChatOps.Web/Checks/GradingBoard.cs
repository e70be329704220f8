using System.Collections.Immutable;
using System.Net;
using ChatOps.Grading;
using ChatOps.Grading.Reports;
using ChatOps.History.Audit;
using ChatOps.History.Grading;
using ChatOps.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChatOps.Web.Checks;

/// <summary>
/// The Checks page's class: the targets the teacher entered and their live results. One per circuit (a scoped
/// service): a run belongs to the page that started it and is cancelled when that page goes away. Each run is stored
/// (<see cref="GradingStore"/>) and audited as it ends. A row's problem is in the page's language (the run's culture is the circuit's).
/// </summary>
internal sealed class GradingBoard(IOptions<GradingOptions> options, TimeProvider time, ILogger<GradingBoard> logger, IStringLocalizer<UiText> text,
    GradingStore? store = null, AuditLog? audit = null) : IAsyncDisposable
{
    private readonly GradingOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private ImmutableList<GradingRow> _rows = [];
    private CancellationTokenSource? _run;
    private int _nextKey;

    /// <summary>Raised after any change, on the thread that made it: subscribers hop to their own (InvokeAsync).</summary>
    public event Action? Changed;

    public IReadOnlyList<GradingRow> Rows => _rows;

    public GradingOptions Options => _options;

    public bool IsRunning => Volatile.Read(ref _run) is not null;

    /// <summary>Adds targets after the others; false (and nothing added) past <see cref="GradingOptions.MaxTargets"/>.</summary>
    public bool Add(IReadOnlyList<GradingTarget> targets)
    {
        lock (_gate)
        {
            if (_rows.Count + targets.Count > _options.MaxTargets)
                return false;
            _rows = _rows.AddRange(targets.Select(t => GradingRow.Create(++_nextKey, t)));
        }
        Changed?.Invoke();
        return true;
    }

    /// <summary>Removes a row that is not being checked.</summary>
    public void Remove(int key)
    {
        lock (_gate)
            _rows = _rows.RemoveAll(r => r.Key == key && !r.IsActive);
        Changed?.Invoke();
    }

    /// <summary>Checks every row, <see cref="GradingOptions.MaxParallel"/> at a time; false when a run is already going.</summary>
    public Task<bool> RunAllAsync(string by) => RunAsync(_rows.Select(r => r.Key).ToList(), by);

    /// <summary>
    /// Checks the rows with these keys, a few at a time, and completes when all are over or cancelled. False when a run
    /// is already going (one at a time per page: the teacher cancels it first). Never throws for a student's server.
    /// </summary>
    public async Task<bool> RunAsync(IReadOnlyList<int> keys, string by)
    {
        var run = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        if (Interlocked.CompareExchange(ref _run, run, null) is not null)
        {
            run.Dispose();
            return false;
        }
        try
        {
            foreach (var key in keys)
                Update(key, r => r.IsActive ? r : r with { State = RowState.Queued, RunId = null, Results = r.Results.Clear(), Problem = null });
            // On the thread pool, never on the caller's dispatcher (a circuit's): the checks' socket work and the renders
            // of the results must not wait for each other.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallel, CancellationToken = run.Token, TaskScheduler = TaskScheduler.Default };
            await Task.Run(() => Parallel.ForEachAsync(keys, parallel, (key, ct) => new ValueTask(RunOneAsync(key, by, ct))), run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Cancelled by the teacher or by the page closing: the rows still queued say so below.
        }
        finally
        {
            foreach (var key in keys)
                Update(key, r => r.State == RowState.Queued ? r with { State = RowState.Cancelled } : r);
            Volatile.Write(ref _run, null);
            run.Dispose();
            Changed?.Invoke();
        }
        return true;
    }

    /// <summary>Stops the run: the checks under way end at once (each closes its connections), the queued ones never start.</summary>
    public void Cancel()
    {
        try
        {
            Volatile.Read(ref _run)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended between the read and the cancel: nothing left to stop.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _disposed.Dispose();
    }

    private async Task RunOneAsync(int key, string by, CancellationToken cancellationToken)
    {
        if (_rows.FirstOrDefault(r => r.Key == key) is not { State: RowState.Queued } row)
            return;
        var target = row.Target;
        var exercise = Exercises.Name(target.Exercise);
        Update(key, r => r with { State = RowState.Running });
        long? runId = null;
        var endState = GradingStore.Cancelled;
        try
        {
            if (await CheckTarget.ResolveAsync(target.Host, target.Port, cancellationToken) is not { } server)
            {
                endState = "host not found";
                Update(key, r => r with { State = RowState.Failed, Problem = text["Checks.HostNotFound", Words.Escape(target.Host)] });
                return;
            }
            runId = store is null ? null : await store.StartAsync(new GradingRun(time.GetUtcNow(), by, exercise, target.Host, target.Port, target.Student), CancellationToken.None);
            Update(key, r => r with { RunId = runId });
            await foreach (var result in CheckRunner.RunAsync(server, target.Exercise, CheckOptions(), cancellationToken))
            {
                if (runId is { } id)
                {
                    // The English sentence for a reader of the file, the phrase for the pages and exports in any language.
                    var stored = new GradingResult(result.Name, Verdict(result.Verdict), result.Reason.ToString(), (long)result.Elapsed.TotalMilliseconds,
                        TranscriptText.Format(result, server, exercise), result.Reason.ToJson());
                    // Not cancellable: a result the teacher saw in the grid is also in the history.
                    await store!.AddResultAsync(id, stored, CancellationToken.None);
                }
                var reported = CheckReportRow.Of(result);
                Update(key, r => r with { Results = r.Results.SetItem(result.Name, reported) });
            }
            endState = GradingStore.Completed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The teacher cancelled: the row says so, the history keeps the checks that reported.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug of the checker must cost one student's run, not the class's.
            endState = "checker failed";
            GradingLog.RunFailed(logger, target.Student, target.Host, target.Port, ex);
            Update(key, r => r with { State = RowState.Failed, Problem = text["Checks.CheckerFailed", ex.Message] });
        }
        finally
        {
            await EndAsync(key, runId, endState, by);
        }
    }

    private async Task EndAsync(int key, long? runId, string endState, string by)
    {
        var row = Update(key, r => r.State == RowState.Running
            ? r with { State = endState == GradingStore.Completed ? RowState.Done : RowState.Cancelled }
            : r);
        if (row is null)
            return;
        var target = row.Target;
        var counts = $"{row.Count(CheckVerdict.Pass)} passed, {row.Count(CheckVerdict.Fail)} failed, {row.Count(CheckVerdict.Skip)} skipped";
        if (runId is { } id && store is not null)
            await store.FinishAsync(id, endState, CancellationToken.None);
        if (audit is not null)
        {
            var detail = $"{target.Student}, {Exercises.Name(target.Exercise)}: {endState}, {counts}" + (runId is { } r ? $" (run {r})" : "");
            await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), AuditAction.Grading, by, Target: target.ToString(), Detail: detail), CancellationToken.None);
        }
        GradingLog.RunEnded(logger, target.Student, target.Host, target.Port, endState, counts);
    }

    private CheckOptions CheckOptions() => new()
    {
        Timeout = _options.Timeout,
        From = _options.From.Select(IPAddress.Parse).ToList(),
    };

    private static string Verdict(CheckVerdict verdict) => verdict.ToString().ToLowerInvariant();

    private GradingRow? Update(int key, Func<GradingRow, GradingRow> change)
    {
        GradingRow? updated = null;
        lock (_gate)
        {
            var index = _rows.FindIndex(r => r.Key == key);
            if (index >= 0)
            {
                updated = change(_rows[index]);
                _rows = _rows.SetItem(index, updated);
            }
        }
        Changed?.Invoke();
        return updated;
    }
}
