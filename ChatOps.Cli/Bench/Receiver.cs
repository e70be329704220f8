using HdrHistogram;

namespace ChatOps.Cli.Bench;

/// <summary>
/// What one client saw: measured deliveries and their latency (from the time stamped in the line to the read that
/// brought it), whether the probe reached it, and acknowledgements for every windowed sender. Written only by its
/// client's receive loop; read by others through Volatile, and the histogram only once that loop has ended.
/// A line of one of the first <c>senders</c> whose sequence is not past that sender's last one is <see cref="Repeated"/>
/// (delivered twice, or after a later line) and counts for nothing else.
/// </summary>
internal sealed class Receiver(int self, SenderWindow[] windows, TimeProvider time, int senders = 0)
{
    private readonly double _microsPerTick = 1_000_000.0 / time.TimestampFrequency;
    private readonly long[] _next = new long[senders]; // per sender: the sequence expected at least
    private long _repeated;
    private long _measured;
    private long _all;
    private int _sawProbe;

    public HistogramBase Latency { get; } = Bench.Latency.ForReceiver();

    public long Measured => Volatile.Read(ref _measured);

    public long AllTokens => Volatile.Read(ref _all);

    public long Repeated => Volatile.Read(ref _repeated);

    public bool SawProbe => Volatile.Read(ref _sawProbe) != 0;

    /// <summary>Scans whole lines (up to the last newline) for tokens, as read now.</summary>
    public void Scan(ReadOnlySpan<byte> lines)
    {
        var now = time.GetTimestamp();
        while (Marker.TryFind(lines, out var token, out var next))
        {
            lines = lines[next..];
            if (token.Sender == self)
                continue; // A relay that echoes to the sender: that is not a delivery.
            if (token.Phase != Marker.Probe && (uint)token.Sender < (uint)_next.Length)
            {
                if (token.Sequence < _next[token.Sender])
                {
                    Volatile.Write(ref _repeated, _repeated + 1);
                    continue;
                }
                _next[token.Sender] = token.Sequence + 1;
            }
            Volatile.Write(ref _all, _all + 1);
            if (token.Phase == Marker.Measured)
            {
                Volatile.Write(ref _measured, _measured + 1);
                Bench.Latency.Record(Latency, (long)((now - token.Timestamp) * _microsPerTick));
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

    /// <summary>The relay closed this client: it no longer acknowledges any window.</summary>
    public void Closed()
    {
        foreach (var w in windows)
            w.ReceiverClosed(self);
    }
}
