using System.CommandLine;

namespace ChatOps.Cli.Client;

internal static class ConnectCommand
{
    public static Command Create()
    {
        var host = new Argument<string>("host") { Description = "Server name or IP address, e.g. 127.0.0.1." };
        var port = new Argument<int>("port") { Description = "Server TCP port.", DefaultValueFactory = _ => 7070 };
        var sync = new Option<bool>("--sync") { Description = "Synchronous client: send one line, wait for exactly one reply, then prompt again." };

        var command = new Command("connect", "Connect to a chat server. Type lines to send them; bye leaves, arret stops the server.")
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
                Console.Error.WriteLine($"chatops: the port must be between 1 and 65535 (got {wrong}).");
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
