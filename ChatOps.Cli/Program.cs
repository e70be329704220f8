using System.CommandLine;
using ChatOps.Cli.Bench;
using ChatOps.Cli.Check;
using ChatOps.Cli.Client;
using ChatOps.Cli.Serve;

var root = new RootCommand("chatops: the console side of the ChatOps sockets lab (client, headless server).");
root.Subcommands.Add(ConnectCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
// Ctrl+C is left to the server's host (clients get a notice) and to the default for the client.
var parsed = root.Parse(args);
// A grader scripts `check` over a class: a wrong command line is one line on stderr and exit code 2, not a help page.
if (parsed.CommandResult.Command.Name == "check" && parsed.Errors.Count > 0)
{
    await Console.Error.WriteLineAsync($"chatops check: {parsed.Errors[0].Message}");
    return CheckCommand.BadArguments;
}
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
