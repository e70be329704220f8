namespace ChatOps.TcpEngine.Bus;

/// <summary>
/// The fan-out seam: relayed lines, joins, leaves and operator broadcasts are published here and delivered to the local
/// sessions by the subscriber. The in-process bus delivers at once; a bus shared by several hosts (Redis pub/sub) can
/// replace it without touching sessions.
/// </summary>
public interface IChatBus
{
    void Publish(ChatBroadcast message);

    IDisposable Subscribe(Action<ChatBroadcast> deliver);
}
