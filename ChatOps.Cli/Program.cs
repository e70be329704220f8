using System.CommandLine;
using ChatOps.Cli.Bench;
using ChatOps.Cli.Client;
using ChatOps.Cli.Serve;

var root = new RootCommand("chatops: the console side of the ChatOps sockets lab (client, headless server).");
root.Subcommands.Add(ConnectCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
// Ctrl+C is left to the server's host (clients get a notice) and to the default for the client.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
