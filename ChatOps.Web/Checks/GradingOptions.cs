namespace ChatOps.Web.Checks;

/// <summary>How the Checks page grades a class, bound from the <c>Grading</c> section.</summary>
public sealed class GradingOptions
{
    public const string SectionName = "Grading";

    /// <summary>
    /// Servers checked at once. Default 4: each run opens up to 200 connections and a relay run pushes 3 MB through its
    /// slow_reader check; four at once grade a class of 30 in a few minutes while the teacher's machine, the dashboard
    /// and the lab network stay responsive. Most of a run is waiting, so more helps little and makes timeouts likelier.
    /// </summary>
    public int MaxParallel { get; set; } = 4;

    /// <summary>How long each step waits for a student's server (as <c>chatops check --timeout</c>). Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Local addresses the checker's clients connect from, in turn (as <c>chatops check --from</c>). Default none: the
    /// system picks. On one machine, give 127.0.0.2, 127.0.0.3, 127.0.0.4 so that "the sender's IP" means something.
    /// </summary>
    public IReadOnlyList<string> From { get; set; } = [];

    /// <summary>Targets one page holds at most (typed or imported). Default 200: a few classes; bounds a pasted CSV.</summary>
    public int MaxTargets { get; set; } = 200;
}
