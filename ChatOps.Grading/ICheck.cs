namespace ChatOps.Grading;

/// <summary>One check, or a group of checks judged on one conversation (one outcome per name, in the order of <see cref="Names"/>).</summary>
internal interface ICheck
{
    IReadOnlyList<string> Names { get; }

    Task<IReadOnlyList<CheckOutcome>> RunAsync(CheckSession session);
}
