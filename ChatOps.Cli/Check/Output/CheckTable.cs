using System.Globalization;
using ChatOps.Cli.Localization;
using ChatOps.Grading;
using ChatOps.Grading.Reports;

namespace ChatOps.Cli.Check.Output;

/// <summary>
/// The report as a table, printed row by row as the results arrive, in the system's language (<see cref="CultureInfo.CurrentUICulture"/>):
/// the reasons and the table's own words. PASS, FAIL, SKIP and the checks' names stay as they are, for scripts and eyes alike.
/// </summary>
internal sealed class CheckTable(TextWriter output)
{
    public void Header(CheckTarget target, string exercise)
    {
        output.WriteLine(CliText.Format("Check.Title", target, exercise));
        output.WriteLine(Row(CliText.Get("Check.Check"), CliText.Get("Check.Result"), "ms", CliText.Get("Check.Reason")));
    }

    public void Add(CheckResult result)
    {
        var ms = !result.Ran ? "" : ((long)result.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        output.WriteLine(Row(result.Name, Verdict(result.Verdict), ms, result.Reason.Text(CultureInfo.CurrentUICulture)));
    }

    public void Footer(IReadOnlyList<CheckResult> results)
    {
        var counts = CheckCounts.Of(results);
        output.WriteLine(CliText.Format("Check.Counts", counts.Passed, counts.Failed, counts.Skipped));
    }

    private static string Row(string name, string verdict, string ms, string reason) => $"{name,-19}{verdict,-9}{ms,7}  {reason}";

    public static string Verdict(CheckVerdict verdict) => verdict.ToString().ToUpperInvariant();
}
