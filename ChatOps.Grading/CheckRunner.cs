using System.Diagnostics;
using System.Runtime.CompilerServices;
using ChatOps.Grading.Checks;
using ChatOps.Grading.Conversation;
using ChatOps.TcpEngine;

namespace ChatOps.Grading;

/// <summary>
/// Runs the checks of an exercise against one server and yields each result as soon as it is known, with its
/// transcript: the command prints them, and a dashboard can fill a grid from the same stream.
/// </summary>
public static class CheckRunner
{
    /// <summary>
    /// Yields one result per name of <see cref="CheckPlan.Names"/>, in that order. Never throws for the server's
    /// faults (a refused connection, a reset, garbage: each is a failed check with its reason); throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled. Bounded: each
    /// check by <see cref="CheckOptions.CheckBudget"/>, the run by <see cref="CheckOptions.MaxConnections"/>.
    /// </summary>
    public static async IAsyncEnumerable<CheckResult> RunAsync(CheckTarget target, ChatMode exercise, CheckOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var run = new CheckRun(target, exercise, options);
        CheckReason? gone = null;
        foreach (var check in CheckPlan.For(exercise))
        {
            if (check is ArretCheck && !options.Arret)
            {
                yield return new CheckResult(ArretCheck.NotAsked, TimeSpan.Zero, null);
                continue;
            }
            if (gone is not null)
            {
                foreach (var name in check.Names)
                    yield return new CheckResult(CheckOutcome.Skip(name, gone), TimeSpan.Zero, null);
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            var (outcomes, transcript) = await RunOneAsync(run, check, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            foreach (var outcome in outcomes)
                yield return new CheckResult(outcome, elapsed, transcript);
            if (check is not ArretCheck && outcomes.Any(o => o.Verdict == CheckVerdict.Fail)
                && await Knock.KnockAsync(run, 0, cancellationToken) is { } why)
                gone = new CheckReason("Run.NotRun", check.Names[0], why);
        }
    }

    private static async Task<(IReadOnlyList<CheckOutcome> Outcomes, Transcript Transcript)> RunOneAsync(CheckRun run, ICheck check, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(run.Options.CheckBudget);
        await using var session = new CheckSession(run, budget.Token);
        IReadOnlyList<CheckOutcome> outcomes;
        try
        {
            outcomes = await check.RunAsync(session);
        }
        catch (CheckFailure failure)
        {
            outcomes = FailAll(check, failure.Reason);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcomes = FailAll(check, new("Run.OverBudget", Words.Ms(run.Options.CheckBudget)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One odd server must not end the grading of a class: the checker's own fault is reported on the check.
            outcomes = FailAll(check, new("Run.CheckerFailed", ex.GetType().Name, ex.Message));
        }
        session.Note("check over: " + string.Join(", ", outcomes.Select(o => $"{o.Name} {o.Verdict.ToString().ToUpperInvariant()}")));
        return (outcomes, session.Transcript);
    }

    private static CheckOutcome[] FailAll(ICheck check, CheckReason reason) => check.Names.Select(n => CheckOutcome.Fail(n, reason)).ToArray();
}
