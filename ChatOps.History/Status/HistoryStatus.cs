namespace ChatOps.History.Status;

/// <summary>
/// The history's health, shared by the writer, the audit log and the ban list, read by the dashboard. Subscribers to
/// <see cref="Changed"/> are called on the writer's thread: they should only schedule a render.
/// </summary>
public sealed class HistoryStatus
{
    private readonly Lock _gate = new();
    private HistoryHealth _current;

    /// <summary>A healthy status for <paramref name="databaseFile"/>; public so that pages can be tested with one.</summary>
    public HistoryStatus(string databaseFile) =>
        _current = new HistoryHealth(databaseFile, false, null, null, null, 0, 0, 0);

    public event EventHandler? Changed;

    public HistoryHealth Current
    {
        get
        {
            lock (_gate)
                return _current;
        }
    }

    internal void ReportWritten(int lines, int pending, DateTimeOffset at) =>
        Update(h => h with { IsFaulted = false, LastWriteAt = at, LinesWritten = h.LinesWritten + lines, Pending = pending });

    /// <summary>Returns true when this turns a healthy history into a faulted one (worth a log entry).</summary>
    internal bool ReportFault(string error, int pending, DateTimeOffset at)
    {
        var wasFaulted = false;
        Update(h =>
        {
            wasFaulted = h.IsFaulted && h.LastError == error;
            return h with { IsFaulted = true, LastError = error, LastErrorAt = at, Pending = pending };
        });
        return !wasFaulted;
    }

    /// <summary>A failed read or save outside the writer (bans, audit): a fault, the writer's pending count untouched.</summary>
    internal string ReportStorageFault(Exception ex, DateTimeOffset at)
    {
        var error = Storage.StorageFaults.Describe(ex);
        Update(h => h with { IsFaulted = true, LastError = error, LastErrorAt = at });
        return error;
    }

    internal void ReportDropped(long events) => Update(h => h with { EventsDropped = h.EventsDropped + events });

    private void Update(Func<HistoryHealth, HistoryHealth> change)
    {
        lock (_gate)
            _current = change(_current);
        Changed?.Invoke(this, EventArgs.Empty);
    }
}
