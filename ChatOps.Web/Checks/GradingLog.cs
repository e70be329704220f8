namespace ChatOps.Web.Checks;

internal static partial class GradingLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Grading {Student} ({Host}:{Port}) ended {EndState}: {Counts}")]
    public static partial void RunEnded(ILogger logger, string student, string host, int port, string endState, string counts);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "Grading {Student} ({Host}:{Port}) failed in the checker itself; the other students' runs go on")]
    public static partial void RunFailed(ILogger logger, string student, string host, int port, Exception exception);
}
