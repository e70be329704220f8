using System.CommandLine;

namespace ChatOps.Cli.Bench;

internal static class TableCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("results") { Description = "JSON lines written by bench/compare.sh: {\"server\",\"scenario\",\"round\",\"result\"}." };
        var command = new Command("table", "Print the raw runs, the medians per scenario and server, and the ratios to ncat, as Markdown.") { file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"chatops bench table: {path.FullName} does not exist.");
                return 2;
            }
            var runs = ResultTable.Read(await File.ReadAllLinesAsync(path.FullName, cancellationToken));
            foreach (var line in ResultTable.Render(runs))
                await Console.Out.WriteLineAsync(line);
            return 0;
        });
        return command;
    }
}
