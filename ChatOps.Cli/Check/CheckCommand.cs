using System.CommandLine;
using ChatOps.Cli.Check.Output;
using ChatOps.Grading;

namespace ChatOps.Cli.Check;

/// <summary><c>chatops check HOST PORT --exercise …</c>: tests a student's server the way the lab asks. Exit code 0 only if nothing failed.</summary>
internal static class CheckCommand
{
    public const int Failed = 1;
    public const int BadArguments = 2;

    public static Command Create()
    {
        var host = new Argument<string>("host") { Description = "The student's server: a name or an IP address." };
        var port = new Argument<string>("port") { Description = "Its TCP port." };
        var exercise = new Option<string>("--exercise", "-e") { Description = "echo (exercise 1), sync or async (exercise 2), relay (exercise 3).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (on one line) instead of the table." };
        var timeout = new Option<string>("--timeout") { Description = "How long each step waits for the server (default 5s; e.g. 2s, 500ms).", DefaultValueFactory = _ => "5s" };
        var from = new Option<string?>("--from") { Description = "Local addresses to connect from, in turn, e.g. 127.0.0.2,127.0.0.3,127.0.0.4 (so that each client has its own IP)." };
        var arret = new Option<bool>("--arret") { Description = "Send arret as the last check. It stops the student's server." };
        var transcripts = new Option<string?>("--transcript") { Description = "Write each check's conversation (timestamped, hex and text) to a file in this folder." };

        var command = new Command("check", "Test a student's server for one exercise of the lab: a table of checks with PASS / FAIL / SKIP and a reason each.")
        {
            host, port, exercise, json, timeout, from, arret, transcripts,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var mode = CheckArguments.Exercise(result.GetValue(exercise), out var error);
            var portNumber = error is null ? CheckArguments.Port(result.GetValue(port)!, out error) : null;
            var wait = error is null ? CheckArguments.Timeout(result.GetValue(timeout)!, out error) : null;
            var server = error is null ? await CheckTarget.ResolveAsync(result.GetValue(host)!, portNumber!.Value, cancellationToken) : null;
            if (error is null && server is null)
                error = $"HOST: cannot resolve {Words.Quote(result.GetValue(host)!)}";
            var local = error is null ? CheckArguments.From(result.GetValue(from), server!.EndPoint.AddressFamily, out error) : null;
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"chatops check: {error}.");
                return BadArguments;
            }
            var options = new CheckOptions { Timeout = wait!.Value, Arret = result.GetValue(arret), From = local! };
            var output = new CheckOutput(Console.Out, server!, mode!.Value, result.GetValue(json), result.GetValue(transcripts));
            return await output.RunAsync(options, cancellationToken) ? 0 : Failed;
        });
        return command;
    }
}
