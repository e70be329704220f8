namespace ChatOps.History.Options;

/// <summary>Where and how the history is kept, bound from the <c>Data</c> configuration section.</summary>
public sealed class HistoryOptions
{
    public const string SectionName = "Data";

    public const string FileName = "chatops.db";

    /// <summary>
    /// Folder of the database (<see cref="FileName"/> inside it). Default <c>data</c>; a relative path is taken beside the
    /// app (<see cref="AppContext.BaseDirectory"/>), so the history follows the program wherever the teacher copies it.
    /// </summary>
    public string Path { get; set; } = "data";

    /// <summary>Days a lab session, its lines and the audit log are kept. Default 90 (a term); 0 keeps everything.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>
    /// Longest wait before events are written. Default 200 ms. This bounds what a crash (kill -9) loses: at most about
    /// this much plus one write; at most 1 s is accepted.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Events written in one transaction at most. Default 1000: a relay flood is written in a few transactions a second.</summary>
    public int MaxBatchEvents { get; set; } = 1000;

    /// <summary>
    /// Events the writer takes per second at most. Default 10000: thirty students at the default rate limit send about 600
    /// lines a second (the writer does not take deliveries, which repeat them). Beyond it — a stress test with the chat's
    /// limits raised — the rest waits in the queue (<see cref="QueueCapacity"/>), and what the queue cannot hold is dropped
    /// and counted (the status bar shows it), instead of the writer taking the relay's CPU. A flush (a transcript download,
    /// the stop) takes everything queued.
    /// </summary>
    public int MaxEventsPerSecond { get; set; } = 10_000;

    /// <summary>
    /// Events the writer may fall behind by before it drops new ones (counted in the status). Default 65536. The engine
    /// never waits for the history: a slow disk costs history lines, never chat.
    /// </summary>
    public int QueueCapacity { get; set; } = 65536;

    /// <summary>Events held in memory while the database cannot be written, waiting for it to come back. Default 100000.</summary>
    public int MaxPendingEvents { get; set; } = 100_000;

    /// <summary>How long the writer waits before trying a failing database again. Default 2 s.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the retention cleanup runs (it also runs at start). Default 6 h.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Largest page a query returns, whatever the page asks. Default 500, so one request cannot load a whole term.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>
    /// Longest student name (or seat) the roster keeps, in characters. Default 40: a first and last name fit, and a name
    /// stays short enough for a table column and for the prefix of every relayed line (<c>Chat:RelayPrefix</c>).
    /// </summary>
    public int MaxNameLength { get; set; } = 40;

    /// <summary>The database file, absolute.</summary>
    public string DatabaseFile => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory), FileName);
}
