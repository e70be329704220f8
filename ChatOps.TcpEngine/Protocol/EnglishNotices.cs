namespace ChatOps.TcpEngine.Protocol;

internal sealed class EnglishNotices : Notices
{
    public override string Goodbye(string ip) => N($"goodbye {ip}");
    public override string Arret(string by) => N($"arret: the server stops (asked by {by})");
    public override string ArretRefused() => N($"arret is not allowed on this server");
    public override string Joined(string ip) => N($"{ip} joined");
    public override string Left(string ip) => N($"{ip} left");
    public override string Welcome(ChatMode mode, int others) => N($"connected to ChatOps ({ModeName(mode)} mode), {others} other client(s) here; type bye to leave");
    public override string Waiting(int position) => N($"the server is serving another client; you are number {position} in line");
    public override string YourTurn() => N($"your turn: the server is now talking to you");
    public override string LineTooLong(int max) => N($"line dropped: longer than {max} bytes");
    public override string MessageTooLong(int max) => N($"message dropped: more than {max} bytes without a line end or a pause");
    public override string InputClosed() => N($"you closed your sending side: you still receive the chat until you close");
    public override string KeepsReconnecting(string ip) => N($"{ip} keeps reconnecting: its joins and leaves are not announced for a minute");
    public override string SlowDown(int perSecond) => N($"slow down: more than {perSecond} lines per second, extra lines are dropped");
    public override string Flooding() => N($"disconnected: too many lines, too fast");
    public override string Kicked(string? reason) => string.IsNullOrWhiteSpace(reason) ? N($"disconnected by the teacher") : N($"disconnected by the teacher: {reason}");
    public override string ServerFull(int max) => N($"server full ({max} clients); try again later");
    public override string TooManyFromIp(string ip, int max) => N($"too many connections from {ip} (at most {max})");
    public override string ShuttingDown() => N($"the server is shutting down");
    public override string ModeChanged(ChatMode mode) => N($"the server restarts in {ModeName(mode)} mode; connect again");
    public override string HeldFull(int max) => N($"line dropped: wait your turn ({max} lines are already waiting)");
    public override string Banned(string ip, DateTimeOffset? until) => until is { } u
        ? N($"{ip} is banned from this server until {u.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
        : N($"{ip} is banned from this server");
    public override string Idle(TimeSpan after) => N($"disconnected: no line for {Duration(after)}");
    public override string ReplacedWhileIdle() => N($"disconnected: the server is full and you were the longest without a line; connect again");
    public override string LineTimedOut(TimeSpan after) => N($"disconnected: a line was not finished within {Duration(after)}");
}
