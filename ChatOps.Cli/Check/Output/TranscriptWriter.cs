using System.Globalization;
using System.Text;
using ChatOps.Grading;
using ChatOps.Grading.Reports;

namespace ChatOps.Cli.Check.Output;

/// <summary>Writes each check's conversation (<see cref="TranscriptText"/>) to <c>DIR/NN-name.txt</c>.</summary>
internal sealed class TranscriptWriter(string directory, CheckTarget target, string exercise)
{
    private int _index;

    /// <summary>Writes the file of one result (nothing for a check that did not run); returns its path.</summary>
    public async Task<string?> WriteAsync(CheckResult result, CancellationToken cancellationToken)
    {
        var index = ++_index;
        if (TranscriptText.Format(result, target, exercise) is not { } text)
            return null;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{index:D2}-{result.Name}.txt"));
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
        return path;
    }
}
