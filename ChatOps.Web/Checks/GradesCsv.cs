using System.Globalization;
using ChatOps.Grading;
using ChatOps.Grading.Reports;
using CsvHelper;

namespace ChatOps.Web.Checks;

/// <summary>
/// The grid as a spreadsheet of grades: one line per run, <c>student,exercise,target,passed,failed,skipped</c>, then
/// one column per check (<c>pass</c>, <c>fail</c>, <c>skip</c>, or empty when the check is not part of the exercise).
/// </summary>
internal static class GradesCsv
{
    private static readonly CsvWriterOptions Options = new()
    {
        // Students' names and hosts are typed or imported text: a cell starting with = + - @ must stay data in a spreadsheet.
        Injection = CsvInjection.Escape,
        // So that a spreadsheet opens accented names as UTF-8 (as the history's transcript export does).
        WriteByteOrderMark = true,
    };

    public static byte[] Write(IReadOnlyList<CheckReport> reports)
    {
        var columns = GradingColumns.For(reports.Select(r => Exercises.TryParse(r.Exercise, out var e) ? e : TcpEngine.ChatMode.Relay));
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, Options, leaveOpen: true))
        {
            csv.WriteHeader(["student", "exercise", "target", "passed", "failed", "skipped", .. columns]);
            foreach (var report in reports)
            {
                csv.WriteRecord([
                    report.Student ?? "", report.Exercise, report.Target, Number(report.Passed), Number(report.Failed), Number(report.Skipped),
                    .. columns.Select(c => report.Checks.FirstOrDefault(r => r.Name == c)?.Result.ToString().ToLowerInvariant() ?? ""),
                ]);
            }
        }
        return bytes.ToArray();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
