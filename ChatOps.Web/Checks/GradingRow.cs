using System.Collections.Immutable;
using ChatOps.Grading;
using ChatOps.Grading.Reports;

namespace ChatOps.Web.Checks;

/// <summary>
/// (Public because the grid component, like every Razor component, is.) One student's line of the grid, immutable: the board swaps whole rows, so a render never sees half an update made
/// by a run on another thread.
/// </summary>
/// <param name="Key">Stable for the page's life (Blazor's @key, the buttons' ids).</param>
/// <param name="RunId">The stored run, once started; null before, or when the history could not be written.</param>
public sealed record GradingRow(int Key, GradingTarget Target, RowState State, long? RunId, ImmutableDictionary<string, CheckReportRow> Results, string? Problem)
{
    public IReadOnlyList<string> Checks { get; } = CheckPlan.Names(Target.Exercise);

    public static GradingRow Create(int key, GradingTarget target) =>
        new(key, target, RowState.Idle, null, ImmutableDictionary<string, CheckReportRow>.Empty, null);

    public bool IsActive => State is RowState.Queued or RowState.Running;

    public CellState Cell(string check)
    {
        if (Results.TryGetValue(check, out var result))
        {
            return result.Result switch
            {
                CheckVerdict.Pass => CellState.Pass,
                CheckVerdict.Fail => CellState.Fail,
                _ => CellState.Skip,
            };
        }
        if (!Checks.Contains(check))
            return CellState.None;
        // The runner reports in plan order: the first check without a result is the one running.
        return State == RowState.Running && Checks.First(c => !Results.ContainsKey(c)) == check ? CellState.Running : CellState.Waiting;
    }

    public int Count(CheckVerdict verdict) => Results.Values.Count(r => r.Result == verdict);
}
