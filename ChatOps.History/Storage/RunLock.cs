namespace ChatOps.History.Storage;

/// <summary>
/// Tells apart the copies of ChatOps that share a history file. Each running copy holds a shared lock on
/// <c>chatops.db.running</c> beside it; the lab sessions left open are closed as "Interrupted" only by a copy that can
/// take that lock alone, that is when no other copy runs (a copy that crashed released it with its process).
/// </summary>
/// <remarks>The lock is the operating system's (a file share mode; <c>flock</c> on Linux), so no stale marker outlives a kill -9.</remarks>
internal sealed class RunLock(string databaseFile) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private FileStream? _held;

    public string FilePath { get; } = databaseFile + ".running";

    /// <summary>Takes the lock alone when no other copy holds it: then whatever is open in the file is nobody's.</summary>
    public bool TryTakeAlone()
    {
        try
        {
            _held = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            // Another copy is running (or is closing what a crash left open): its sessions are not ours to close.
            return false;
        }
    }

    /// <summary>Holds the lock shared with the other running copies, until disposed.</summary>
    public async Task HoldSharedAsync(CancellationToken cancellationToken)
    {
        _held?.Dispose();
        _held = null;
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                _held = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another copy holds it alone for the moment it takes to close a crashed run's sessions.
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
    }

    public void Dispose() => _held?.Dispose();
}
