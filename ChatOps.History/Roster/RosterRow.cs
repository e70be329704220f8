namespace ChatOps.History.Roster;

/// <summary>One name to record: what the dashboard's name cell or a CSV line gives (<c>ip[:port],name[,seat]</c>).</summary>
/// <param name="Port">Null: every port of the address.</param>
public sealed record RosterRow(string Ip, int? Port, string Name, string? Seat = null);
