using System.Threading.Channels;
using ChatOps.Cli.Localization;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Cli.Client;

/// <summary>
/// The synchronous client of exercise 2: send one line, wait for exactly one reply, prompt again. Server notices
/// (<c>* …</c>, such as "you are number 2 in line") are shown but are not the reply.
/// </summary>
internal static class SyncClient
{
    public static async Task<int> RunAsync(ServerAddress server, ClientConsole console, CancellationToken cancellationToken)
    {
        using var connection = await ChatConnectionClient.ConnectAsync(server, console.Errors, cancellationToken);
        if (connection is null)
            return 1;
        await console.Errors.WriteLineAsync(CliText.Format("Connect.ConnectedSync", server));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var incoming = Channel.CreateBounded<string>(256);
        var receiving = ReceiveAsync(connection, incoming.Writer, stop.Token);
        var interactive = !Console.IsInputRedirected;

        while (true)
        {
            await PrintAvailableAsync(incoming.Reader, console.Screen);
            if (receiving.IsCompleted)
                break;
            if (interactive)
                await console.Screen.WriteAsync("> ");
            var line = await Task.Run(() => console.Keyboard.ReadLineAsync(stop.Token).AsTask(), stop.Token);
            if (line is null)
            {
                connection.FinishSending();
                await PrintUntilClosedAsync(incoming.Reader, console.Screen, stop.Token);
                break;
            }
            await connection.SendAsync(line, stop.Token);
            if (ChatConnectionClient.EndsSession(line))
            {
                // The server answers bye/arret and closes; don't wait for ever if it doesn't.
                await Task.WhenAny(PrintUntilClosedAsync(incoming.Reader, console.Screen, stop.Token), Task.Delay(ClientLoops.GoodbyeTimeout, cancellationToken));
                break;
            }
            if (!await AwaitReplyAsync(incoming.Reader, console.Screen, stop.Token))
                break;
        }
        await stop.CancelAsync();
        await ClientLoops.ReportClosedAsync(receiving, console.Errors);
        return 0;
    }

    private static async Task<bool> ReceiveAsync(ChatConnectionClient connection, ChannelWriter<string> incoming, CancellationToken cancellationToken)
    {
        var writer = new ChannelTextWriter(incoming);
        try
        {
            return await ClientLoops.PrintIncomingAsync(connection, writer, cancellationToken);
        }
        finally
        {
            incoming.TryComplete();
        }
    }

    /// <summary>Prints lines until one that is not a notice (the reply); false when the server closed first.</summary>
    private static async Task<bool> AwaitReplyAsync(ChannelReader<string> incoming, TextWriter screen, CancellationToken cancellationToken)
    {
        while (await incoming.WaitToReadAsync(cancellationToken))
        {
            while (incoming.TryRead(out var line))
            {
                await screen.WriteLineAsync(line);
                if (!line.StartsWith(Notices.Prefix, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    private static async Task PrintAvailableAsync(ChannelReader<string> incoming, TextWriter screen)
    {
        while (incoming.TryRead(out var line))
            await screen.WriteLineAsync(line);
    }

    private static async Task PrintUntilClosedAsync(ChannelReader<string> incoming, TextWriter screen, CancellationToken cancellationToken)
    {
        await foreach (var line in incoming.ReadAllAsync(cancellationToken))
            await screen.WriteLineAsync(line);
    }
}
