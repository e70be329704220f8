namespace ChatOps.Grading.Reports;

/// <summary>How many checks of a report passed, failed and were skipped.</summary>
public sealed record CheckCounts(int Passed, int Failed, int Skipped)
{
    /// <summary>The counts of <paramref name="results"/>.</summary>
    public static CheckCounts Of(IReadOnlyList<CheckResult> results) => new(
        results.Count(r => r.Verdict == CheckVerdict.Pass),
        results.Count(r => r.Verdict == CheckVerdict.Fail),
        results.Count(r => r.Verdict == CheckVerdict.Skip));

    /// <summary>"8 passed, 1 failed, 1 skipped": the table's last line.</summary>
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
