namespace ChatOps.History.Roster;

/// <summary>Why a name or seat cannot be recorded (the dashboard words each one).</summary>
public enum RosterProblem
{
    /// <summary>The address is not an IP address (or the port is not 1 to 65535).</summary>
    BadAddress,

    /// <summary>Blank once trimmed.</summary>
    Empty,

    /// <summary>Longer than <c>Data:MaxNameLength</c>.</summary>
    TooLong,

    /// <summary>Control characters (a line break among them) or invisible ones (bidi, zero-width): a name could break a line or reorder it.</summary>
    Hidden,

    /// <summary>A <c>[</c> or <c>]</c>: in a relayed <c>[name] text</c> it could close the bracket and pass for another student's line.</summary>
    Brackets,

    /// <summary>An IP address as a name: it would pass for another student's address in a relayed line.</summary>
    LooksLikeAddress,
}
