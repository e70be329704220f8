namespace ChatOps.Grading;

/// <summary>A step of a check could not go on (a refused connection, the connection budget spent); <see cref="Reason"/> is the reason shown.</summary>
internal sealed class CheckFailure(CheckReason reason) : Exception(reason.ToString())
{
    public CheckReason Reason { get; } = reason;
}
