
using ChatOps.Cli.Localization;
namespace ChatOps.Cli.Client;

/// <summary>
/// The asynchronous client of exercise 2/3: one task prints what the server sends, the other sends what the keyboard
/// types, each at its own pace (the lab's two threads).
/// </summary>
internal static class AsyncClient
{
    public static async Task<int> RunAsync(ServerAddress server, ClientConsole console, CancellationToken cancellationToken)
    {
        using var connection = await ChatConnectionClient.ConnectAsync(server, console.Errors, cancellationToken);
        if (connection is null)
            return 1;
        await console.Errors.WriteLineAsync(CliText.Format("Connect.Connected", server));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ClientLoops.PrintIncomingAsync(connection, console.Screen, stop.Token);
        // Console input blocks its thread: read it on its own.
        var sending = Task.Run(() => SendTypedLinesAsync(connection, console.Keyboard, stop.Token), stop.Token);

        if (await Task.WhenAny(receiving, sending) == sending && await sending)
        {
            // bye or arret was sent: the server answers and closes; don't wait for ever if it doesn't.
            await Task.WhenAny(receiving, Task.Delay(ClientLoops.GoodbyeTimeout, cancellationToken));
        }
        else if (!receiving.IsCompleted)
        {
            // End of input: like nc -N we said we're done sending; the server closes when it has answered.
            await receiving;
        }
        await stop.CancelAsync();
        await ClientLoops.ReportClosedAsync(receiving, console.Errors);
        return 0;
    }

    /// <summary>Returns true when a protocol word ended the session, false at end of input.</summary>
    private static async Task<bool> SendTypedLinesAsync(ChatConnectionClient connection, TextReader keyboard, CancellationToken cancellationToken)
    {
        while (await keyboard.ReadLineAsync(cancellationToken) is { } line)
        {
            await connection.SendAsync(line, cancellationToken);
            if (ChatConnectionClient.EndsSession(line))
                return true;
        }
        connection.FinishSending();
        return false;
    }
}
