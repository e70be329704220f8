namespace ChatOps.Web.Dashboard;

/// <summary>Limits of the dashboard, bound from the <c>Dashboard</c> section. Each bounds memory or render work per event burst.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Lines the message mirror keeps. Default 1000: an hour of a lively lab, a bounded amount of memory at any rate.</summary>
    public int MirrorCapacity { get; set; } = 1000;

    /// <summary>Shortest time between two pushes to the browser. Default 100 ms (at most ~10 renders a second, whatever the traffic).</summary>
    public TimeSpan RenderInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Shortest time between two messages of the hub (<c>/hubs/chatops</c>). Default 50 ms: a lone event still leaves at
    /// once, and a flood goes out as at most 20 messages of up to 512 events a second (10,240 events/s, eight times what
    /// thirty students at the default rate limit produce). What a flood sends beyond that is dropped for hub clients
    /// (counted in the log) instead of taking CPU from the relay.
    /// </summary>
    public TimeSpan HubInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How far back the activity chart looks. Default 5 minutes.</summary>
    public TimeSpan ChartWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One chart point per this interval. Default 5 s (60 points over the default window).</summary>
    public TimeSpan ChartSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A line without its newline for this long gets a chip: the "forgot println/flush" bug. Default 5 s.</summary>
    public TimeSpan UnfinishedLineWarning { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The zone every page shows times in, as an IANA id (<c>Europe/Paris</c>). Default empty: each browser's own zone, so
    /// the teacher reads the clock on the wall; set it when the server's pages are read from elsewhere (a remote helper).
    /// </summary>
    public string? TimeZone { get; set; }
}
