namespace ChatOps.Web.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Dashboard push skipped: {Reason}")]
    public static partial void RenderSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The dashboard feed failed; the dashboard stops updating")]
    public static partial void FeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Sending engine events to hub connection {ConnectionId} failed {Count} time(s)")]
    public static partial void HubForwardFailed(ILogger logger, string connectionId, long count, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Hub connection {ConnectionId} missed {Count} event(s): it did not take them as fast as they came (the other connections are not affected)")]
    public static partial void HubClientMissed(ILogger logger, string connectionId, long count);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Hub clients missed {Count} event(s): more than the hub sends under a flood (Dashboard:HubInterval)")]
    public static partial void HubDropped(ILogger logger, long count);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "A dashboard circuit skipped {Count} push(es): it was still busy with an earlier one (it shows the newest view when it catches up)")]
    public static partial void PushesSkipped(ILogger logger, long count);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "A dashboard circuit failed {Count} push(es); the other dashboards are not affected")]
    public static partial void PushFailed(ILogger logger, long count, Exception exception);
}
