namespace ChatOps.Web.Dashboard;

/// <summary>Limits of the dashboard, bound from the <c>Dashboard</c> section. Each bounds memory or render work per event burst.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Lines the message mirror keeps. Default 1000: an hour of a lively lab, a bounded amount of memory at any rate.</summary>
    public int MirrorCapacity { get; set; } = 1000;

    /// <summary>Shortest time between two pushes to the browser. Default 100 ms (at most ~10 renders a second, whatever the traffic).</summary>
    public TimeSpan RenderInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How far back the activity chart looks. Default 5 minutes.</summary>
    public TimeSpan ChartWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One chart point per this interval. Default 5 s (60 points over the default window).</summary>
    public TimeSpan ChartSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A line without its newline for this long gets a chip: the "forgot println/flush" bug. Default 5 s.</summary>
    public TimeSpan UnfinishedLineWarning { get; set; } = TimeSpan.FromSeconds(5);
}
