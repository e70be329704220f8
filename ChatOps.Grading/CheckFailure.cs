namespace ChatOps.Grading;

/// <summary>A step of a check could not go on (a refused connection, the connection budget spent); the message is the reason shown.</summary>
internal sealed class CheckFailure(string reason) : Exception(reason);
