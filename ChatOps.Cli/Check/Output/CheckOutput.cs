using System.Globalization;
using ChatOps.Grading;
using ChatOps.Grading.Reports;
using ChatOps.TcpEngine;

namespace ChatOps.Cli.Check.Output;

/// <summary>Runs the checks and reports them as the command was asked: table rows as they come, or one JSON object; transcripts on the side.</summary>
internal sealed class CheckOutput(TextWriter output, CheckTarget target, ChatMode exercise, bool json, string? transcriptDirectory)
{
    private readonly string _exercise = Exercises.Name(exercise);

    /// <summary>True when nothing failed.</summary>
    public async Task<bool> RunAsync(CheckOptions options, CancellationToken cancellationToken)
    {
        var table = json ? null : new CheckTable(output);
        var transcripts = transcriptDirectory is null ? null : new TranscriptWriter(transcriptDirectory, target, _exercise);
        table?.Header(target, _exercise);
        var results = new List<CheckResult>();
        await foreach (var result in CheckRunner.RunAsync(target, exercise, options, cancellationToken))
        {
            results.Add(result);
            table?.Add(result);
            if (transcripts is not null)
                await transcripts.WriteAsync(result, cancellationToken);
        }
        if (json)
            await output.WriteLineAsync(CheckReport.Of(target, _exercise, results).ToJson(CultureInfo.CurrentUICulture));
        else
            table!.Footer(results);
        return results.All(r => r.Verdict != CheckVerdict.Fail);
    }
}
