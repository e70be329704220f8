using ChatOps.Cli.Check.Conversation;

namespace ChatOps.Cli.Check;

/// <summary>One row of the report: the outcome, how long its check took, and the conversation that led to it (null when not run).</summary>
internal sealed record CheckResult(CheckOutcome Outcome, TimeSpan Elapsed, Transcript? Transcript)
{
    public string Name => Outcome.Name;

    public CheckVerdict Verdict => Outcome.Verdict;

    public string Reason => Outcome.Reason;
}
