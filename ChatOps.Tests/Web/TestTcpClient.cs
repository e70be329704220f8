using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.Tests.Web;

/// <summary>A student's program as the tests play it: a raw TCP client on loopback that writes and reads lines.</summary>
internal sealed class TestTcpClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private TestTcpClient(TcpClient client)
    {
        _client = client;
        var stream = client.GetStream();
        _reader = new StreamReader(stream, new UTF8Encoding(false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>The engine's id for this connection, once it is known.</summary>
    public long SessionId { get; set; }

    public int LocalPort => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    /// <summary>Connects to <paramref name="server"/>'s port on loopback; <paramref name="from"/> (any 127.x.y.z) gives a distinct client IP.</summary>
    public static async Task<TestTcpClient> ConnectAsync(IPEndPoint server, IPAddress? from = null)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        if (from is not null)
            client.Client.Bind(new IPEndPoint(from, 0));
        await client.ConnectAsync(IPAddress.Loopback, server.Port).WaitAsync(Timeout);
        return new TestTcpClient(client);
    }

    public Task SendAsync(string line) => _writer.WriteLineAsync(line).WaitAsync(Timeout);

    public Task SendRawAsync(byte[] bytes) => _client.GetStream().WriteAsync(bytes).AsTask().WaitAsync(Timeout);

    /// <summary>Reads lines until one matches; fails when the connection ends or the timeout passes first.</summary>
    public async Task<string> ReadUntilAsync(Func<string, bool> match)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (await _reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (match(line))
                return line;
        }
        throw new InvalidOperationException("The server closed the connection before the expected line came.");
    }

    /// <summary>Reads until the server closes the connection; returns the lines read meanwhile.</summary>
    public async Task<IReadOnlyList<string>> ReadToEndAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var lines = new List<string>();
        try
        {
            while (await _reader.ReadLineAsync(cts.Token) is { } line)
                lines.Add(line);
        }
        catch (IOException)
        {
            // A reset instead of a clean close also ends the connection, which is what the caller waits for.
        }
        return lines;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
