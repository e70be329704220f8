using Microsoft.Extensions.Configuration;

namespace ChatOps.Cluster.Options;

/// <summary>
/// The <c>Cluster</c> section: several ChatOps hosts share their rooms through one Redis (docs/cluster.md). Without
/// <see cref="Redis"/> nothing of this runs and every room relays in process, as on a single host.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Whether <paramref name="configuration"/> sets <c>Cluster:Redis</c>: the one switch every cluster part follows.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(SectionName)[nameof(Redis)]);

    /// <summary>A StackExchange.Redis connection string (<c>localhost:6379</c>, <c>redis1:6379,password=…</c>); null: one host.</summary>
    public string? Redis { get; set; }

    /// <summary>This host's name in the cluster, unique among the hosts. Default: the machine's name.</summary>
    public string HostId { get; set; } = Environment.MachineName;

    /// <summary>
    /// Prefix of every Redis key and channel ChatOps uses. Default <c>chatops</c>; give each cluster its own when
    /// several share one Redis.
    /// </summary>
    public string KeyPrefix { get; set; } = "chatops";

    /// <summary>
    /// How many lines a room's stream keeps (<c>XADD … MAXLEN ~</c>). Default 10,000: a minute of a full relay room at the
    /// rate limit (30 clients × 20 lines/s = 600 lines/s gives 16 s; a real class sends a few lines a second), which is
    /// what a host that was cut from Redis for a while can catch up on; older lines are gone from the stream.
    /// </summary>
    public int StreamMaxLength { get; set; } = 10_000;

    /// <summary>
    /// How often a host checks that Redis answers (a <c>PING</c>). Default 500 ms; with <see cref="HangTimeout"/> a hung
    /// Redis is noticed within 2 s (the issue asks for 3 s; the client library's own timeouts are 5 s).
    /// </summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a Redis command may take before Redis counts as down and the host relays among its own clients only.
    /// Default 1.5 s: loopback and LAN answers take under a millisecond, a busy Redis a few; a stopped one never answers.
    /// </summary>
    public TimeSpan HangTimeout { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// How many of its own broadcasts a host keeps while Redis is down, to append them to the stream when it is back
    /// (the other hosts then get them late; this host already delivered them). Default 10,000, like the stream; beyond
    /// it the oldest are dropped from the backlog (still delivered locally) and counted in the log.
    /// </summary>
    public int OutageBacklog { get; set; } = 10_000;

    /// <summary>Lines read from a stream per round trip (<c>XREAD COUNT</c>). Default 512.</summary>
    public int ReadBatch { get; set; } = 512;

    /// <summary>Lines appended per round trip (pipelined <c>XADD</c>s and one wake-up). Default 256.</summary>
    public int WriteBatch { get; set; } = 256;

    /// <summary>How often a host writes its heartbeat (its rooms and connections) for the other hosts' dashboards. Default 1 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a heartbeat lasts: a host that wrote none for this long is shown gone, with its connections. Default 5 s:
    /// five beats, so a busy host or a slow Redis answer does not flicker it away; a killed host leaves within 5 s.
    /// </summary>
    public TimeSpan HostExpiry { get; set; } = TimeSpan.FromSeconds(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
