namespace ChatOps.Cli.Check.Output;

internal sealed record CheckCounts(int Passed, int Failed, int Skipped)
{
    public static CheckCounts Of(IReadOnlyList<CheckResult> results) => new(
        results.Count(r => r.Verdict == CheckVerdict.Pass),
        results.Count(r => r.Verdict == CheckVerdict.Fail),
        results.Count(r => r.Verdict == CheckVerdict.Skip));

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
