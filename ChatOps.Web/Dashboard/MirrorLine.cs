namespace ChatOps.Web.Dashboard;

/// <summary>One line of the message mirror. <see cref="Text"/> is what a student typed: it is only ever bound as plain text.</summary>
/// <param name="ClientIp">The client's address and port, when the line concerns one: the mirror shows the roster's name for it.</param>
/// <param name="WhoPhrase">The server's words for <see cref="Who"/>, in the page's language (null: <see cref="Who"/> as it is).</param>
/// <param name="Phrase">The server's words for <see cref="Text"/>, in the page's language (null: <see cref="Text"/> as it is).</param>
public sealed record MirrorLine(long Sequence, DateTimeOffset At, long? SessionId, string Who, string Text, MirrorKind Kind, string Room = TcpEngine.Options.ChatOptions.DefaultRoomName,
    string? ClientIp = null, int? ClientPort = null, MirrorPhrase? WhoPhrase = null, MirrorPhrase? Phrase = null);

public enum MirrorKind
{
    Chat,
    Notice,
    Operator,
    ProtocolWord,
}
