using System.Numerics;

namespace ChatOps.Cli.Bench;

/// <summary>
/// Log-linear histogram of microseconds: exact below 128 µs, then 64 buckets per power of two (≤ 1.6 % error). Fixed size,
/// so recording millions of deliveries allocates nothing; one per receiver, merged at the end, so no locks.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int Linear = 128;
    private const int PerOctave = 64;
    private readonly long[] _counts = new long[Linear + (58 * PerOctave)];

    public long Count { get; private set; }

    public long MaxMicros { get; private set; }

    public void Record(long micros)
    {
        if (micros < 0)
            micros = 0;
        _counts[Index(micros)]++;
        Count++;
        if (micros > MaxMicros)
            MaxMicros = micros;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
            _counts[i] += other._counts[i];
        Count += other.Count;
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1), as the upper bound of its bucket, in microseconds.</summary>
    public long Percentile(double q)
    {
        if (Count == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return Math.Min(UpperBound(i), MaxMicros);
        }
        return MaxMicros;
    }

    private static int Index(long v)
    {
        if (v < Linear)
            return (int)v;
        var shift = BitOperations.Log2((ulong)v) - 6;
        var mantissa = (int)(v >> shift);
        return Linear + ((shift - 1) * PerOctave) + (mantissa - PerOctave);
    }

    private static long UpperBound(int index)
    {
        if (index < Linear)
            return index;
        var shift = ((index - Linear) / PerOctave) + 1;
        var mantissa = ((index - Linear) % PerOctave) + PerOctave;
        return ((long)(mantissa + 1) << shift) - 1;
    }
}
