namespace ChatOps.Grading.Reports;

/// <summary>One check in a <see cref="CheckReport"/>; its reason is a phrase, written in the report's language only as JSON (<see cref="CheckReport.ToJson()"/>).</summary>
/// <param name="Ms">Milliseconds the check took (0 when it did not run).</param>
public sealed record CheckReportRow(string Name, CheckVerdict Result, CheckReason Reason, long Ms)
{
    /// <summary>The row of one of the runner's results.</summary>
    public static CheckReportRow Of(CheckResult result) => new(result.Name, result.Verdict, result.Reason, (long)result.Elapsed.TotalMilliseconds);
}
