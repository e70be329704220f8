using System.Net;
using ChatOps.TcpEngine.Engine;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// The connect hints the dashboard shows. Making them enumerates the network interfaces, far too slow for every push
/// (up to ten a second), so they are kept per listening endpoint (one per room) for <see cref="Lifetime"/> (a laptop
/// that joined another network shows its new address within that time). Used under its owner's lock.
/// </summary>
internal sealed class ConnectHintsCache(TimeProvider time, Func<IPEndPoint, IReadOnlyList<string>>? lines = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Func<IPEndPoint, IReadOnlyList<string>> _lines = lines ?? ConnectHints.Lines;
    private readonly Dictionary<IPEndPoint, (DateTimeOffset MadeAt, IReadOnlyList<string> Lines)> _cached = [];

    public IReadOnlyList<string> For(IPEndPoint? endpoint)
    {
        if (endpoint is null)
            return [];
        var now = time.GetUtcNow();
        if (_cached.TryGetValue(endpoint, out var entry) && now - entry.MadeAt < Lifetime)
            return entry.Lines;
        // Endpoints of rooms that stopped or moved (port 0 picks a new one) are dropped once stale.
        foreach (var stale in _cached.Where(e => now - e.Value.MadeAt >= Lifetime).Select(e => e.Key).ToList())
            _cached.Remove(stale);
        var lines = _lines(endpoint);
        _cached[endpoint] = (now, lines);
        return lines;
    }
}
