namespace ChatOps.Grading;

/// <summary>What one named check concluded, and why (a phrase and its values, shown in the reader's language).</summary>
internal sealed record CheckOutcome(string Name, CheckVerdict Verdict, CheckReason Reason)
{
    public static CheckOutcome Pass(string name, CheckReason reason) => new(name, CheckVerdict.Pass, reason);

    public static CheckOutcome Fail(string name, CheckReason reason) => new(name, CheckVerdict.Fail, reason);

    public static CheckOutcome Skip(string name, CheckReason reason) => new(name, CheckVerdict.Skip, reason);
}
