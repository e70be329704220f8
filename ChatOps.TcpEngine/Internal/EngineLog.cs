using System.Net;
using Microsoft.Extensions.Logging;

namespace ChatOps.TcpEngine.Internal;

internal static partial class EngineLog
{
    [LoggerMessage(1001, LogLevel.Information, "Chat engine listening on {Endpoint} in {Mode} mode")]
    public static partial void Listening(ILogger logger, EndPoint endpoint, ChatMode mode);

    [LoggerMessage(1002, LogLevel.Information, "Chat engine stopped ({Reason}, by {By})")]
    public static partial void Stopped(ILogger logger, Events.StopReason reason, string by);

    [LoggerMessage(1003, LogLevel.Error, "Session {SessionId} failed unexpectedly")]
    public static partial void SessionFailed(ILogger logger, long sessionId, Exception exception);

    [LoggerMessage(1004, LogLevel.Error, "Accepting a connection failed unexpectedly")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(1005, LogLevel.Error, "Stopping the engine failed unexpectedly")]
    public static partial void StopFailed(ILogger logger, Exception exception);

    [LoggerMessage(1006, LogLevel.Warning, "{Count} connection(s) were still closing when the engine stopped; they were cut")]
    public static partial void SessionsCut(ILogger logger, int count);
}
