using System.Net;
using ChatOps.TcpEngine.Engine;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// The connect hints the dashboard shows. Making them enumerates the network interfaces, far too slow for every push
/// (up to ten a second), so they are kept until the engine listens elsewhere or <see cref="Lifetime"/> has passed (a
/// laptop that joined another network shows its new address within that time). Used under the state's lock.
/// </summary>
internal sealed class ConnectHintsCache(TimeProvider time, Func<IPEndPoint, IReadOnlyList<string>>? lines = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Func<IPEndPoint, IReadOnlyList<string>> _lines = lines ?? ConnectHints.Lines;
    private IPEndPoint? _endpoint;
    private DateTimeOffset _madeAt;
    private IReadOnlyList<string> _cached = [];

    public IReadOnlyList<string> For(IPEndPoint? endpoint)
    {
        if (endpoint is null)
            return [];
        var now = time.GetUtcNow();
        if (!endpoint.Equals(_endpoint) || now - _madeAt >= Lifetime)
            (_endpoint, _madeAt, _cached) = (endpoint, now, _lines(endpoint));
        return _cached;
    }
}
