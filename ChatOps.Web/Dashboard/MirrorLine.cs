namespace ChatOps.Web.Dashboard;

/// <summary>One line of the message mirror. <see cref="Text"/> is what a student typed: it is only ever bound as plain text.</summary>
/// <param name="ClientIp">The client's address and port, when the line concerns one: the mirror shows the roster's name for it.</param>
public sealed record MirrorLine(long Sequence, DateTimeOffset At, long? SessionId, string Who, string Text, MirrorKind Kind, string Room = TcpEngine.Options.ChatOptions.DefaultRoomName,
    string? ClientIp = null, int? ClientPort = null);

public enum MirrorKind
{
    Chat,
    Notice,
    Operator,
    ProtocolWord,
}
