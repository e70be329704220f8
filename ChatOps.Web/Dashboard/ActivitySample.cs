namespace ChatOps.Web.Dashboard;

/// <summary>One point of the activity chart: clients connected and the average lines per second over the interval.</summary>
public sealed record ActivitySample(DateTimeOffset At, int Clients, double LinesPerSecond);
