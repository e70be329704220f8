namespace ChatOps.Web.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Dashboard push skipped: {Reason}")]
    public static partial void RenderSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dashboard feed failed; the dashboard stops updating")]
    public static partial void FeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding engine events to hub clients failed")]
    public static partial void HubForwardFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub clients missed {Count} event(s): more than the hub sends under a flood (Dashboard:HubInterval)")]
    public static partial void HubDropped(ILogger logger, long count);
}
