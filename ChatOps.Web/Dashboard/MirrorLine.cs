namespace ChatOps.Web.Dashboard;

/// <summary>One line of the message mirror. <see cref="Text"/> is what a student typed: it is only ever bound as plain text.</summary>
public sealed record MirrorLine(long Sequence, DateTimeOffset At, long? SessionId, string Who, string Text, MirrorKind Kind, string Room = TcpEngine.Options.ChatOptions.DefaultRoomName);

public enum MirrorKind
{
    Chat,
    Notice,
    Operator,
    ProtocolWord,
}
