namespace ChatOps.Grading;

/// <summary>What one named check concluded, in words a student understands.</summary>
internal sealed record CheckOutcome(string Name, CheckVerdict Verdict, string Reason)
{
    public static CheckOutcome Pass(string name, string reason) => new(name, CheckVerdict.Pass, reason);

    public static CheckOutcome Fail(string name, string reason) => new(name, CheckVerdict.Fail, reason);

    public static CheckOutcome Skip(string name, string reason) => new(name, CheckVerdict.Skip, reason);
}
