using ChatOps.Cluster.Control;
using ChatOps.Cluster.Redis;
using ChatOps.TcpEngine.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Tests.Cluster;

/// <summary>The control across hosts of one <see cref="ClusterHost"/>: its kicks, bans (its door), mode and roster.</summary>
internal sealed class HostControl : IAsyncDisposable
{
    private HostControl(ClusterBans bans, BannedConnections banned, ClusterKicks kicks, ClusterModes modes, ClusterRoster roster)
    {
        Bans = bans;
        Banned = banned;
        Kicks = kicks;
        Modes = modes;
        Roster = roster;
    }

    public ClusterBans Bans { get; }

    public BannedConnections Banned { get; }

    public ClusterKicks Kicks { get; }

    public ClusterModes Modes { get; }

    public ClusterRoster Roster { get; }

    /// <summary>Completes once every part listens to the control channels.</summary>
    public Task Listening => Task.WhenAll(Bans.Listening, Kicks.Listening, Modes.Listening, Roster.Listening);

    public static HostControl Create(ChatServer server, RedisLink link, ClusterBans bans) => new(
        bans,
        new BannedConnections(server, bans, NullLogger.Instance),
        new ClusterKicks(server, link, NullLogger.Instance),
        new ClusterModes(server, link, NullLogger.Instance),
        new ClusterRoster(link, NullLogger.Instance));

    public async ValueTask DisposeAsync()
    {
        Banned.Dispose();
        Kicks.Dispose();
        await Modes.DisposeAsync();
        Roster.Dispose();
        Bans.Dispose();
    }
}
