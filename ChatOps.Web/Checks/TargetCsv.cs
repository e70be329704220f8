using ChatOps.Grading;
using ChatOps.TcpEngine;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace ChatOps.Web.Checks;

/// <summary>
/// Reads a class list: a header, then one server a line. Columns, by name and in any order: <c>student</c> (or
/// <c>name</c> or <c>seat</c>), <c>host</c>, <c>port</c>, and <c>exercise</c> (optional: the page's choice otherwise).
/// The same file as docs/grading.md's shell loop reads (<c>name,host,port</c>). The errors are in the page's language.
/// </summary>
internal static class TargetCsv
{
    private static readonly string[] StudentColumns = ["student", "name", "seat"];

    public static TargetImport Read(TextReader file, ChatMode defaultExercise, int maxTargets, IStringLocalizer text)
    {
        var options = new CsvReaderOptions
        {
            // The separator is detected (',' ';' or tab): spreadsheets save with ';' in French locales.
            TrimWhitespace = true,
            TrackLineNumbers = true,
            // A class list has short lines: a huge "line" is not one, and is refused rather than buffered.
            MaxRecordSize = 4096,
        };
        using var csv = CsvReader.Create(file, options, leaveOpen: true);
        csv.ReadHeader();
        var columns = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (columns.Count == 0)
            return new TargetImport([], [text["Checks.Csv.Empty"]]);
        var student = StudentColumns.FirstOrDefault(columns.Contains);
        if (student is null || !columns.Contains("host") || !columns.Contains("port"))
            return new TargetImport([], [text["Checks.Csv.Header", string.Join(",", columns)]]);

        var targets = new List<GradingTarget>();
        var errors = new List<string>();
        var fallback = Exercises.Name(defaultExercise);
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (targets.Count >= maxTargets)
            {
                errors.Add(text["Checks.Csv.TooMany", line, maxTargets]);
                break;
            }
            var who = csv.GetString(student);
            var host = csv.GetString("host");
            var port = csv.GetString("port");
            var exercise = columns.Contains("exercise") && csv.GetString("exercise") is { Length: > 0 } named ? named : fallback;
            if (GradingEntry.Check(who, host, port, exercise, text) is { } problem)
                errors.Add(text["Checks.Csv.Line", line, problem]);
            else
                targets.Add(GradingEntry.Target(who, host, port, exercise));
        }
        return new TargetImport(targets, errors);
    }
}
