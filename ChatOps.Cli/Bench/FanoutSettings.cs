using System.Net;

namespace ChatOps.Cli.Bench;

/// <summary>
/// One fan-out run: <see cref="Clients"/> connections, of which the first <see cref="Senders"/> send <see cref="Rate"/>
/// lines/s each (0: as fast as the in-flight <see cref="Window"/> allows, acknowledged as <see cref="WindowAck"/> says)
/// during warm-up then measurement. <see cref="SlowReaders"/> extra clients connect and never read. With several
/// <see cref="Servers"/> (the hosts of a cluster), client <c>i</c> connects to server <c>i mod count</c>, so that most
/// deliveries cross hosts; <see cref="ServerPids"/> are every process the relay is made of (hosts and Redis), summed.
/// </summary>
internal sealed record FanoutSettings(
    IReadOnlyList<IPEndPoint> Servers,
    int Clients,
    int Senders,
    int Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Window,
    int LineBytes,
    int SlowReaders,
    IReadOnlyList<int> ServerPids,
    TimeSpan ConnectTimeout,
    int ConnectParallel,
    WindowAck WindowAck = WindowAck.Witness)
{
    /// <summary>Lines written in one send call at most: enough to coalesce, small enough to keep pacing smooth.</summary>
    public const int MaxBatch = 64;

    /// <summary>Each client remembers each sender's last line (to find lines delivered twice): clients × senders longs at most.</summary>
    public const long MaxClientsTimesSenders = 25_000_000;

    public bool Paced => Rate > 0;

    public string? Problem() => this switch
    {
        { Clients: < 2 or > 20_000 } => "--clients must be between 2 and 20000",
        { Senders: < 1 } => "--senders must be at least 1",
        _ when Senders > Clients => "--senders cannot exceed --clients",
        { Rate: < 0 or > 100_000 } => "--rate must be between 0 (as fast as possible) and 100000 lines/s",
        _ when Duration <= TimeSpan.Zero || Duration > TimeSpan.FromMinutes(10) => "--duration must be between 1 s and 10 min",
        _ when Warmup < TimeSpan.Zero || Warmup > TimeSpan.FromMinutes(1) => "--warmup must be between 0 and 60 s",
        { Window: < 1 or > 65_536 } => "--window must be between 1 and 65536",
        { LineBytes: < Marker.MaxLength + 1 or > 4096 } => $"--line-bytes must be between {Marker.MaxLength + 1} and 4096",
        { ConnectParallel: < 0 } => "--connect-parallel must be 0 (all at once) or more",
        { SlowReaders: < 0 or > 100 } => "--slow-readers must be between 0 and 100",
        _ when (long)Clients * Senders > MaxClientsTimesSenders => $"--clients × --senders must stay under {MaxClientsTimesSenders:N0}",
        { Servers.Count: < 1 or > 64 } => "give between 1 and 64 ports",
        _ when Servers.Any(s => !IPAddress.IsLoopback(s.Address)) => "the benchmark only targets loopback addresses (127.0.0.0/8, ::1)",
        _ => null,
    };
}
