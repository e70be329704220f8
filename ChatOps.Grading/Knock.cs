using System.Net.Sockets;

namespace ChatOps.Grading;

/// <summary>Opens and closes one connection, to learn whether the server still listens (the churn and arret checks, and the runner after a failure).</summary>
internal static class Knock
{
    /// <summary>Null when a connection was accepted; otherwise why not.</summary>
    public static async Task<CheckReason?> KnockAsync(CheckRun run, int fromIndex, CancellationToken cancellationToken)
    {
        run.CountConnection();
        using var socket = new Socket(run.Target.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (run.From(fromIndex) is { } from)
                socket.Bind(new System.Net.IPEndPoint(from, 0));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(run.Options.Timeout);
            await socket.ConnectAsync(run.Target.EndPoint, timeout.Token);
            socket.Close();
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new CheckReason("Net.Refused");
        }
        catch (SocketException ex)
        {
            return new CheckReason("Net.Error", ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckReason("Net.NoAnswer", Words.Ms(run.Options.Timeout));
        }
    }
}
