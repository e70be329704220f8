using System.Globalization;
using ChatOps.Grading;
using ChatOps.Grading.Reports;

namespace ChatOps.Cli.Check.Output;

/// <summary>The report as a table, printed row by row as the results arrive; the reasons in the system's language (<see cref="CultureInfo.CurrentUICulture"/>).</summary>
internal sealed class CheckTable(TextWriter output)
{
    public void Header(CheckTarget target, string exercise)
    {
        output.WriteLine($"chatops check {target}, exercise {exercise}");
        output.WriteLine(Row("check", "result", "ms", "reason"));
    }

    public void Add(CheckResult result)
    {
        var ms = !result.Ran ? "" : ((long)result.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        output.WriteLine(Row(result.Name, Verdict(result.Verdict), ms, result.Reason.Text(CultureInfo.CurrentUICulture)));
    }

    public void Footer(IReadOnlyList<CheckResult> results) => output.WriteLine(CheckCounts.Of(results).ToString());

    private static string Row(string name, string verdict, string ms, string reason) => $"{name,-19}{verdict,-6}{ms,7}  {reason}";

    public static string Verdict(CheckVerdict verdict) => verdict.ToString().ToUpperInvariant();
}
