namespace ChatOps.Web.Checks;

/// <summary>One cell of the grid: a check of one student's run (public for the grid component).</summary>
public enum CellState
{
    /// <summary>The check is not part of this student's exercise.</summary>
    None,
    Waiting,
    Running,
    Pass,
    Fail,
    Skip,
}
