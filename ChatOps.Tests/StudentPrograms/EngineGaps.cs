namespace ChatOps.Tests.StudentPrograms;

/// <summary>Why a student client case is skipped: what ChatOps does not handle yet (each one fails when enabled).</summary>
internal static class EngineGaps
{
    public const string NulTailSwallowsNextBuffer =
        "engine gap: after a NUL the rest is dropped until Chat:MessageGap (150 ms) of silence, so a C client fed from a pipe, " +
        "whose next 256-byte buffer (here bye) follows the answer at once, loses that message whole";

    public const string WelcomeBeforeDialect =
        "engine gap: the welcome notice is written as UTF-8 before the client's first bytes show that it reads UTF-16 or " +
        "readUTF records, so its reader never gets a line (UTF-16: 79 bytes, odd, put every later character out of step; " +
        "readUTF: \"* \" is read as a 10,784-byte record length)";
}
