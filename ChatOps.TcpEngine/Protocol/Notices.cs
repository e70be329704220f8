using System.Globalization;

namespace ChatOps.TcpEngine.Protocol;

/// <summary>
/// Every line the server itself writes to clients. Notices start with <c>"* "</c> so any client can tell them from chat.
/// </summary>
public static class Notices
{
    public const string Prefix = "* ";

    private static string N(FormattableString text) => Prefix + text.ToString(CultureInfo.InvariantCulture);

    public static string Goodbye(string ip) => N($"goodbye {ip}");
    public static string Arret(string by) => N($"arret: the server stops (asked by {by})");
    public static string ArretRefused() => N($"arret is not allowed on this server");
    public static string Joined(string ip) => N($"{ip} joined");
    public static string Left(string ip) => N($"{ip} left");
    public static string Welcome(ChatMode mode, int others) => N($"connected to ChatOps ({mode.ToString().ToLowerInvariant()} mode), {others} other client(s) here; type bye to leave");
    public static string Waiting(int position) => N($"the server is serving another client; you are number {position} in line");
    public static string YourTurn() => N($"your turn: the server is now talking to you");
    public static string LineTooLong(int max) => N($"line dropped: longer than {max} bytes");
    public static string MessageTooLong(int max) => N($"message dropped: more than {max} bytes without a line end or a pause");
    public static string InputClosed() => N($"you closed your sending side: you still receive the chat until you close");
    public static string KeepsReconnecting(string ip) => N($"{ip} keeps reconnecting: its joins and leaves are not announced for a minute");
    public static string SlowDown(int perSecond) => N($"slow down: more than {perSecond} lines per second, extra lines are dropped");
    public static string Flooding() => N($"disconnected: too many lines, too fast");
    public static string Kicked(string? reason) => string.IsNullOrWhiteSpace(reason) ? N($"disconnected by the teacher") : N($"disconnected by the teacher: {reason}");
    public static string ServerFull(int max) => N($"server full ({max} clients); try again later");
    public static string TooManyFromIp(string ip, int max) => N($"too many connections from {ip} (at most {max})");
    public static string ShuttingDown() => N($"the server is shutting down");
    public static string ModeChanged(ChatMode mode) => N($"the server restarts in {mode.ToString().ToLowerInvariant()} mode; connect again");
    public static string HeldFull(int max) => N($"line dropped: wait your turn ({max} lines are already waiting)");
    public static string Banned(string ip, DateTimeOffset? until) => until is { } u
        ? N($"{ip} is banned from this server until {u.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
        : N($"{ip} is banned from this server");
    public static string Idle(TimeSpan after) => N($"disconnected: no line for {Minutes(after)}");
    public static string ReplacedWhileIdle() => N($"disconnected: the server is full and you were the longest without a line; connect again");
    public static string LineTimedOut(TimeSpan after) => N($"disconnected: a line was not finished within {(int)after.TotalSeconds} s");
    public static string ServerName => "server";

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalSeconds} s";
}
