using System.CommandLine;
using ChatOps.Cli.Localization;

namespace ChatOps.Cli.Client;

internal static class ConnectCommand
{
    public static Command Create()
    {
        var host = new Argument<string>("host") { Description = CliText.Get("Connect.HostHelp") };
        var port = new Argument<int>("port") { Description = CliText.Get("Connect.PortHelp"), DefaultValueFactory = _ => 7070 };
        var sync = new Option<bool>("--sync") { Description = CliText.Get("Connect.SyncHelp") };

        var command = new Command("connect", CliText.Get("Connect.Help"))
        {
            host,
            port,
            sync,
        };
        command.SetAction((result, cancellationToken) =>
        {
            // One line, like every other error of the client: IPEndPoint would throw with a stack trace.
            if (result.GetValue(port) is var wrong and (< 1 or > 65535))
            {
                Console.Error.WriteLine(CliText.Format("Connect.BadPort", wrong));
                return Task.FromResult(1);
            }
            var endpoint = new ServerAddress(result.GetValue(host)!, result.GetValue(port));
            var console = new ClientConsole(Console.In, Console.Out, Console.Error);
            return result.GetValue(sync)
                ? SyncClient.RunAsync(endpoint, console, cancellationToken)
                : AsyncClient.RunAsync(endpoint, console, cancellationToken);
        });
        return command;
    }
}
