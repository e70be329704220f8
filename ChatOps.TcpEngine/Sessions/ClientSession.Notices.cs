using ChatOps.TcpEngine.Protocol;

namespace ChatOps.TcpEngine.Sessions;

internal sealed partial class ClientSession
{
    /// <summary>The notices in the language students read (<c>Chat:Language</c>).</summary>
    private Notices Notices => Notices.For(_options.Language);
}
