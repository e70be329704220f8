namespace ChatOps.Cli.Bench;

/// <summary>Who acknowledges an as-fast-as-possible sender's window (<c>--window-ack</c>).</summary>
internal enum WindowAck
{
    /// <summary>
    /// One fixed client: a chat sender knows nothing of the slowest reader, so a relay that keeps up with one honest
    /// reader is offered as much as that reader takes, and readers slower than it show as loss or cuts.
    /// </summary>
    Witness,

    /// <summary>The slowest open client: no client ever has more than senders × window lines queued at the relay.</summary>
    Slowest,
}
