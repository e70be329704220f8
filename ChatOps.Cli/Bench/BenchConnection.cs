using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.Cli.Bench;

/// <summary>One client socket of the load generator: a raw socket, one receive buffer, no pipes or streams in between.</summary>
internal sealed class BenchConnection : ILineWriter, IDisposable
{
    private readonly Socket _socket;

    private BenchConnection(Socket socket, TimeSpan connectTime)
    {
        _socket = socket;
        ConnectTime = connectTime;
    }

    public TimeSpan ConnectTime { get; }

    /// <summary>True once the server closed or reset the connection.</summary>
    public bool ClosedByServer { get; private set; }

    public static async Task<BenchConnection> ConnectAsync(IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            await socket.ConnectAsync(server, deadline.Token);
            return new BenchConnection(socket, Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken);
            data = data[sent..];
        }
    }

    /// <summary>Reads until the server closes; hands every run of whole lines to <paramref name="receiver"/> (null: discard).</summary>
    public async Task ReceiveAsync(Receiver? receiver, int bufferBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[bufferBytes];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
                if (read == 0)
                    break;
                if (receiver is null)
                    continue;
                filled = Consume(receiver, buffer, filled + read);
            }
            ClosedByServer = true;
        }
        catch (SocketException)
        {
            // A reset from the server (a relay that cuts slow clients, or one that is full): counted by the caller.
            ClosedByServer = true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // We closed it: the run is over.
        }
        if (ClosedByServer)
            receiver?.Closed();
    }

    private static int Consume(Receiver receiver, byte[] buffer, int filled)
    {
        var span = buffer.AsSpan(0, filled);
        var end = span.LastIndexOf((byte)'\n') + 1;
        if (end == 0)
            return filled == buffer.Length ? 0 : filled; // A line longer than the buffer has no token we could use.
        receiver.Scan(span[..end]);
        span[end..].CopyTo(buffer);
        return filled - end;
    }

    /// <summary>
    /// For a client that never read: empties what is buffered without waiting and tells whether the server closed or
    /// reset the connection. Bounded: a server that keeps sending cannot keep it reading.
    /// </summary>
    public bool ProbeClosed()
    {
        var scratch = new byte[64 * 1024];
        try
        {
            _socket.Blocking = false;
            for (var i = 0; i < 4096; i++)
            {
                if (_socket.Receive(scratch) == 0)
                    return true;
            }
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.WouldBlock)
        {
            return false;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    /// <summary>Closes with a reset: thousands of benchmark sockets must not linger in TIME_WAIT.</summary>
    public void Dispose()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
        _socket.Dispose();
    }
}
