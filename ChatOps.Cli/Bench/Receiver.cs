using System.Diagnostics;

namespace ChatOps.Cli.Bench;

/// <summary>
/// What one client saw: measured deliveries and their latency, whether the probe reached it, and acknowledgements for
/// every windowed sender. Written only by its client's receive loop; read by others through Volatile.
/// </summary>
internal sealed class Receiver(int self, SenderWindow[] windows)
{
    private static readonly double MicrosPerTick = 1_000_000.0 / Stopwatch.Frequency;
    private long _measured;
    private long _all;
    private int _sawProbe;

    public LatencyHistogram Latency { get; } = new();

    public long Measured => Volatile.Read(ref _measured);

    public long AllTokens => Volatile.Read(ref _all);

    public bool SawProbe => Volatile.Read(ref _sawProbe) != 0;

    /// <summary>Scans whole lines (up to the last newline) for tokens.</summary>
    public void Scan(ReadOnlySpan<byte> lines, long now)
    {
        while (Marker.TryFind(lines, out var token, out var next))
        {
            lines = lines[next..];
            if (token.Sender == self)
                continue; // A relay that echoes to the sender: that is not a delivery.
            Volatile.Write(ref _all, _all + 1);
            if (token.Phase == Marker.Measured)
            {
                Volatile.Write(ref _measured, _measured + 1);
                Latency.Record((long)((now - token.Timestamp) * MicrosPerTick));
            }
            else if (token.Phase == Marker.Probe)
            {
                Volatile.Write(ref _sawProbe, 1);
                continue;
            }
            if ((uint)token.Sender < (uint)windows.Length)
                windows[token.Sender].Ack(self, token.Sequence);
        }
    }
}
