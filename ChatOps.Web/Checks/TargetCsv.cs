using ChatOps.Grading;
using ChatOps.TcpEngine;
using CsvHelper;

namespace ChatOps.Web.Checks;

/// <summary>
/// Reads a class list: a header, then one server a line. Columns, by name and in any order: <c>student</c> (or
/// <c>name</c> or <c>seat</c>), <c>host</c>, <c>port</c>, and <c>exercise</c> (optional: the page's choice otherwise).
/// The same file as docs/grading.md's shell loop reads (<c>name,host,port</c>).
/// </summary>
internal static class TargetCsv
{
    private static readonly string[] StudentColumns = ["student", "name", "seat"];

    public static TargetImport Read(TextReader text, ChatMode defaultExercise, int maxTargets)
    {
        var options = new CsvReaderOptions
        {
            // The separator is detected (',' ';' or tab): spreadsheets save with ';' in French locales.
            TrimWhitespace = true,
            TrackLineNumbers = true,
            // A class list has short lines: a huge "line" is not one, and is refused rather than buffered.
            MaxRecordSize = 4096,
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        csv.ReadHeader();
        var columns = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (columns.Count == 0)
            return new TargetImport([], ["the file is empty: the first line names the columns (student,host,port[,exercise])"]);
        var student = StudentColumns.FirstOrDefault(columns.Contains);
        if (student is null || !columns.Contains("host") || !columns.Contains("port"))
            return new TargetImport([], [$"the first line must name the columns student (or name, or seat), host and port (got {string.Join(",", columns)})"]);

        var targets = new List<GradingTarget>();
        var errors = new List<string>();
        var fallback = Exercises.Name(defaultExercise);
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (targets.Count >= maxTargets)
            {
                errors.Add($"line {line}: more than {maxTargets} servers; the rest was not read");
                break;
            }
            var who = csv.GetString(student);
            var host = csv.GetString("host");
            var port = csv.GetString("port");
            var exercise = columns.Contains("exercise") && csv.GetString("exercise") is { Length: > 0 } named ? named : fallback;
            if (GradingEntry.Check(who, host, port, exercise) is { } problem)
                errors.Add($"line {line}: {problem}");
            else
                targets.Add(GradingEntry.Target(who, host, port, exercise));
        }
        return new TargetImport(targets, errors);
    }
}
