namespace ChatOps.Web.Checks;

/// <summary>What a CSV file gave: the targets read, and one line per row that could not be read (with its line number).</summary>
internal sealed record TargetImport(IReadOnlyList<GradingTarget> Targets, IReadOnlyList<string> Errors);
