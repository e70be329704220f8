namespace ChatOps.Web.Metrics;

/// <summary>The <c>Metrics</c> section: the instruments and <c>/metrics</c> (docs/operations.md).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Default true: the instruments cost a read of the sessions' counters per scrape and one event subscriber. False
    /// removes them and <c>/metrics</c>, to measure what they cost (bench/compare.sh with <c>Metrics__Enabled=false</c>).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Default false: <c>/metrics</c> answers the server's own machine (127.0.0.1, ::1) and the signed-in teacher only,
    /// like the rest of the dashboard. True lets any address scrape it without sign-in (a Prometheus on another machine):
    /// the figures name the rooms and count clients and lines, nothing a student typed.
    /// </summary>
    public bool AllowFromNetwork { get; set; }
}
