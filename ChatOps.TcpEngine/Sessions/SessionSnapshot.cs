namespace ChatOps.TcpEngine.Sessions;

/// <summary>One connected client as the dashboard shows it.</summary>
public sealed record SessionSnapshot(
    long Id,
    string Ip,
    int Port,
    DateTimeOffset ConnectedAt,
    long LinesIn,
    long LinesOut,
    long BytesIn,
    long BytesOut,
    DateTimeOffset LastActivity,
    LineEndingSeen LineEnding,
    bool InvalidUtf8Seen,
    bool TelnetSeen,
    bool ControlCharactersSeen,
    int UnfinishedBytes,
    DateTimeOffset? UnfinishedSince,
    ServingState Serving);

/// <summary>Which line ending the client's program sends: a teaching hint (Windows/telnet send CRLF, Unix LF).</summary>
public enum LineEndingSeen
{
    None,
    Lf,
    CrLf,
    Mixed,
}

/// <summary>In sync and async modes, whether the client is the one being served or waits its turn.</summary>
public enum ServingState
{
    NotApplicable,
    Served,
    Waiting,
}
