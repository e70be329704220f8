using ChatOps.Grading.Conversation;

namespace ChatOps.Grading;

/// <summary>
/// One row of a report, as <see cref="CheckRunner.RunAsync"/> yields it: a check's name, verdict and reason, how long
/// the check took, and whether it ran at all (a skipped check has no conversation and takes no time).
/// </summary>
public sealed record CheckResult
{
    internal CheckResult(CheckOutcome outcome, TimeSpan elapsed, Transcript? transcript)
    {
        Outcome = outcome;
        Elapsed = elapsed;
        Transcript = transcript;
    }

    /// <summary>The check's name, part of the JSON contract (<c>connect</c>, <c>echo</c>, <c>sender_ip</c>…; see docs/grading.md).</summary>
    public string Name => Outcome.Name;

    public CheckVerdict Verdict => Outcome.Verdict;

    /// <summary>
    /// Why, as a phrase and its values: <see cref="CheckReason.Text"/> gives one line in the reader's language; the
    /// server's text in it is quoted and escaped (never markup-safe by itself: encode it where you render it).
    /// </summary>
    public CheckReason Reason => Outcome.Reason;

    /// <summary>Wall-clock time of the check that produced this result (checks judged on one conversation share it); zero when it did not run.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>False for a check that did not run (<c>arret</c> without asking, or after the server stopped accepting): it has no transcript.</summary>
    public bool Ran => Transcript is not null;

    internal CheckOutcome Outcome { get; }

    internal Transcript? Transcript { get; }
}
