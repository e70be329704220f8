namespace ChatOps.Web.Roster;

/// <summary>One line of a roster file that was not taken, and why (a <c>Roster.Problem.*</c> key's suffix); line 0 is the whole file.</summary>
internal sealed record RosterCsvError(int Line, string Problem);
