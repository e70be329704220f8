using Microsoft.Extensions.Logging;

namespace ChatOps.History.Internal;

internal static partial class HistoryLog
{
    [LoggerMessage(2001, LogLevel.Error, "History database fault ({File}): {Error}. The engine keeps relaying; {Pending} event(s) wait in memory and the write is retried")]
    public static partial void WriteFailed(ILogger logger, string file, string error, int pending, Exception exception);

    [LoggerMessage(2002, LogLevel.Information, "History database writable again ({File}); {Lines} line(s) written")]
    public static partial void Recovered(ILogger logger, string file, int lines);

    [LoggerMessage(2003, LogLevel.Warning, "History lost {Count} event(s): the database could not keep up or stayed unwritable too long")]
    public static partial void Dropped(ILogger logger, long count);

    [LoggerMessage(2004, LogLevel.Error, "Loading the bans from {File} failed; no IP is banned until it works: {Error}")]
    public static partial void BansLoadFailed(ILogger logger, string file, string error, Exception exception);

    [LoggerMessage(2005, LogLevel.Error, "Saving to the history database failed ({File}): {Error}")]
    public static partial void SaveFailed(ILogger logger, string file, string error, Exception exception);

    [LoggerMessage(2006, LogLevel.Information, "History retention: removed {Lines} line(s), {Sessions} lab session(s), {Audit} audit entries and {Bans} expired ban(s) older than {Cutoff}")]
    public static partial void Cleaned(ILogger logger, int lines, int sessions, int audit, int bans, DateTimeOffset cutoff);

    [LoggerMessage(2007, LogLevel.Error, "History retention cleanup failed ({File}): {Error}")]
    public static partial void CleanupFailed(ILogger logger, string file, string error, Exception exception);

    [LoggerMessage(2009, LogLevel.Critical, "The history writer stopped unexpectedly; nothing more is recorded until the program restarts")]
    public static partial void WriterCrashed(ILogger logger, Exception exception);

    [LoggerMessage(2008, LogLevel.Information, "History in {File}")]
    public static partial void Opened(ILogger logger, string file);

    [LoggerMessage(2011, LogLevel.Error, "Loading the roster from {File} failed; clients are shown by address until it works: {Error}")]
    public static partial void RosterLoadFailed(ILogger logger, string file, string error, Exception exception);

    [LoggerMessage(2010, LogLevel.Warning, "The history could not check {File} for sessions a crash left open: {Error}")]
    public static partial void ClaimFailed(ILogger logger, string file, string error, Exception exception);
}
