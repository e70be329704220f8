using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.Tests.Bench;

/// <summary>
/// A minimal line relay on a loopback port (0: a free one) that closes the last connection it accepted once it has
/// relayed <c>closeAfter</c> lines: a server that cuts a client, for the load generator's count of closed connections.
/// </summary>
internal sealed class ClosingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _clients = [];
    private readonly List<Task> _loops = [];
    private readonly long _closeAfter;
    private long _relayed;
    private readonly Task _accepting;

    public ClosingRelay(long closeAfter)
    {
        _closeAfter = closeAfter;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_gate)
            {
                _clients.Add(client);
                _loops.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient from)
    {
        try
        {
            using var reader = new StreamReader(from.GetStream(), Encoding.ASCII);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var bytes = Encoding.ASCII.GetBytes(line + "\n");
                lock (_gate)
                {
                    foreach (var to in _clients.Where(c => c != from))
                        to.GetStream().Write(bytes);
                    if (++_relayed == _closeAfter && _clients.Count > 0)
                    {
                        _clients[^1].Close();
                        _clients.RemoveAt(_clients.Count - 1);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client left, or the relay closed it, or the test is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] loops;
        lock (_gate)
        {
            foreach (var c in _clients)
                c.Close();
            loops = [.. _loops];
        }
        await Task.WhenAll(loops);
        _stop.Dispose();
    }
}
