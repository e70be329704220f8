using ChatOps.Grading;
using ChatOps.Grading.Reports;
using ChatOps.History.Grading;

namespace ChatOps.Web.Checks;

/// <summary>Stored runs read back as the reports of <c>chatops check --json</c>, with the student's name.</summary>
internal static class StoredGrades
{
    public static async Task<IReadOnlyList<CheckReport>> ReadAsync(GradingStore store, IReadOnlyCollection<long> runIds, CancellationToken cancellationToken)
    {
        var reports = new List<CheckReport>();
        foreach (var run in await store.GetRunsAsync(runIds, cancellationToken))
        {
            var results = await store.GetResultsAsync(run.Id, cancellationToken);
            // Runs stored before reasons were phrases have only their English sentence: shown as it is.
            var rows = results.Select(r => new CheckReportRow(r.Name, Enum.Parse<CheckVerdict>(r.Result, ignoreCase: true),
                CheckReason.FromJson(r.ReasonData) ?? CheckReason.Literal(r.Reason), r.Ms)).ToList();
            reports.Add(CheckReport.Of(run.Run.Student, $"{run.Run.Host}:{run.Run.Port}", run.Run.Exercise, rows));
        }
        return reports;
    }
}
