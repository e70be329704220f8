using ChatOps.History.Roster;

namespace ChatOps.Web.Roster;

/// <summary>What a roster file gave: the rows that passed the roster's checks, and one error per line that did not.</summary>
internal sealed record RosterImport(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterCsvError> Errors);
