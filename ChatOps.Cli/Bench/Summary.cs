namespace ChatOps.Cli.Bench;

/// <summary>Percentiles of a small sample set (connect times), in the sample's unit.</summary>
internal sealed record Summary(double P50, double P90, double P99, double Max)
{
    public static Summary Of(double[] samples)
    {
        if (samples.Length == 0)
            return new Summary(0, 0, 0, 0);
        Array.Sort(samples);
        return new Summary(At(samples, 0.50), At(samples, 0.90), At(samples, 0.99), samples[^1]);
    }

    private static double At(double[] sorted, double q) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
