using ChatOps.TcpEngine.Protocol;

namespace ChatOps.TcpEngine.Engine;

public sealed partial class ChatEngine
{
    /// <summary>The notices in the language students read (<c>Chat:Language</c>).</summary>
    private Notices Notices => Notices.For(_options.Language);
}
