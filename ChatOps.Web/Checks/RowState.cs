namespace ChatOps.Web.Checks;

/// <summary>Where one student's run is (public for the grid component).</summary>
public enum RowState
{
    /// <summary>Entered, not run yet (or its results were cleared).</summary>
    Idle,

    /// <summary>In a class run, waiting for a free slot (see <see cref="GradingOptions.MaxParallel"/>).</summary>
    Queued,
    Running,
    Done,
    Cancelled,

    /// <summary>Could not start: the host does not resolve, or the checker itself failed (see <see cref="GradingRow.Problem"/>).</summary>
    Failed,
}
