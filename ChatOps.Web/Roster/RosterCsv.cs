using ChatOps.History.Roster;
using CsvHelper;

namespace ChatOps.Web.Roster;

/// <summary>
/// Reads a roster file: <c>ip,name[,seat]</c> a line, as the Checks page reads a class list (the separator detected, so a
/// French spreadsheet's <c>;</c> works). The address may carry a port (<c>192.168.1.23:5000</c>, <c>[::1]:5000</c>) for
/// students who share one. A first line <c>ip,name,seat</c> is a header and is skipped. Each bad line is named and the
/// good ones are kept.
/// </summary>
internal static class RosterCsv
{
    /// <summary>What can be wrong with a file beyond a name's own problems (<see cref="RosterProblem"/>): <c>Roster.Problem.*</c> keys.</summary>
    public static readonly string[] FileProblems = ["TooMany", "Columns", "EmptyFile"];

    public static RosterImport Read(TextReader text, ClassRoster roster, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            // A class list has short lines: a huge "line" is not one, and is refused rather than buffered.
            MaxRecordSize = 4096,
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        var rows = new List<RosterRow>();
        var errors = new List<RosterCsvError>();
        var first = true;
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var ip = csv.GetString(0);
            if (first && ip.Equals("ip", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }
            first = false;
            if (rows.Count >= maxRows)
            {
                errors.Add(new RosterCsvError(line, "TooMany"));
                break;
            }
            if (csv.FieldCount is < 2 or > 3)
            {
                errors.Add(new RosterCsvError(line, "Columns"));
                continue;
            }
            var row = new RosterRow(ip, null, csv.GetString(1), csv.FieldCount > 2 ? csv.GetString(2) : null);
            if (roster.Check(row, out var clean) is { } problem)
                errors.Add(new RosterCsvError(line, problem.ToString()));
            else
                rows.Add(clean);
        }
        if (first)
            errors.Add(new RosterCsvError(0, "EmptyFile"));
        return new RosterImport(rows, errors);
    }
}
