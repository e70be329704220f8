namespace ChatOps.Web.Checks;

/// <summary>(Public for the grid component.) A cell of the grid the teacher opened: a row's key and a check's name.</summary>
public sealed record GridSelection(int Key, string Check);
