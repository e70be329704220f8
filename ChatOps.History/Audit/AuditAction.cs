namespace ChatOps.History.Audit;

/// <summary>What the audit log records. Stored by name.</summary>
public enum AuditAction
{
    SignIn,
    SignInFailed,
    SignOut,
    Kick,
    Ban,
    Unban,

    /// <summary>Recorded by the history writer from the engine's ModeChanged event.</summary>
    ModeSwitch,

    /// <summary>Recorded by the history writer from the engine's stop event, with the dashboard user or the client's IP.</summary>
    Arret,

    /// <summary>The engine was stopped without arret (recorded by the history writer).</summary>
    Stop,

    /// <summary>The engine was started again from the dashboard (recorded by the web host: the engine's start names no one).</summary>
    Start,

    /// <summary>A setting changed at run time (for instance whether clients may say arret).</summary>
    Setting,

    /// <summary>A student's server checked from the Checks page: the target is <c>host:port</c>, the detail the student, the exercise and the outcome.</summary>
    Grading,

    /// <summary>A student's name set, imported or removed: the target is the address (or <c>ip:port</c>) or the file, the detail the name.</summary>
    Roster,
}
