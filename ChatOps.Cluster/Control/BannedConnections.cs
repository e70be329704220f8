using ChatOps.Cluster.Internal;
using ChatOps.TcpEngine.Engine;
using Microsoft.Extensions.Logging;

namespace ChatOps.Cluster.Control;

/// <summary>
/// Closes this host's connections from an address as soon as it is banned, here or on another host: the door refuses it
/// from then on (<see cref="ClusterBans"/>), this closes what was already open, with the notice a local ban gives.
/// </summary>
public sealed class BannedConnections : IDisposable
{
    /// <summary>The kick reason a ban gives, as the dashboard's own ban does.</summary>
    public const string Reason = "banned";

    private readonly ChatServer _server;
    private readonly ClusterBans _bans;
    private readonly ILogger _logger;

    public BannedConnections(ChatServer server, ClusterBans bans, ILogger logger)
    {
        _server = server;
        _bans = bans;
        _logger = logger;
        bans.Banned += OnBanned;
    }

    /// <summary>Raised after this host closed the connections of a banned address (the ban, how many).</summary>
    public event Action<ClusterBan, int>? Closed;

    private void OnBanned(ClusterBan ban)
    {
        var closed = 0;
        foreach (var session in _server.GetSessions().Where(s => s.Ip == ban.Ip))
        {
            if (_server.RoomOf(session.Id)?.Kick(session.Id, Reason) == true)
                closed++;
        }
        ClusterLog.BanApplied(_logger, ban.Ip, ban.By, ban.HostId, closed);
        Closed?.Invoke(ban, closed);
    }

    public void Dispose() => _bans.Banned -= OnBanned;
}
