using System.Net.Sockets;
using ChatOps.Cli.Localization;

namespace ChatOps.Cli.Client;

/// <summary>What both clients share: printing the server's lines and saying how the connection ended.</summary>
internal static class ClientLoops
{
    public static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Prints every line until the server closes; completes with true when it closed cleanly.</summary>
    public static async Task<bool> PrintIncomingAsync(ChatConnectionClient connection, TextWriter screen, CancellationToken cancellationToken)
    {
        try
        {
            while (await connection.ReadLineAsync(cancellationToken) is { } line)
                await screen.WriteLineAsync(line);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A reset or our own cancellation: the connection is over either way.
            return !cancellationToken.IsCancellationRequested;
        }
    }

    public static async Task ReportClosedAsync(Task<bool> receiving, TextWriter errors)
    {
        if (receiving.IsCompletedSuccessfully && receiving.Result)
            await errors.WriteLineAsync(CliText.Get("Connect.Closed"));
    }
}
