namespace ChatOps.History.Grading;

/// <summary>One student's server checked once, from the dashboard's Checks page.</summary>
/// <param name="StartedBy">The dashboard user who started it.</param>
/// <param name="Exercise"><c>echo</c>, <c>sync</c>, <c>async</c> or <c>relay</c>.</param>
/// <param name="Host">The host as the teacher typed it (a name or an IP address).</param>
/// <param name="Student">The student's name or seat, as the teacher typed it.</param>
public sealed record GradingRun(DateTimeOffset StartedAt, string StartedBy, string Exercise, string Host, int Port, string Student);
