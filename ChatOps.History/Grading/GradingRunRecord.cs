namespace ChatOps.History.Grading;

/// <summary>A stored grading run.</summary>
/// <param name="FinishedAt">Null while it runs, or when the program stopped before it ended.</param>
/// <param name="EndState">How it ended (<see cref="GradingStore.Completed"/>, <see cref="GradingStore.Cancelled"/>), null while it runs.</param>
public sealed record GradingRunRecord(long Id, GradingRun Run, DateTimeOffset? FinishedAt, string? EndState);
