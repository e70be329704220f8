using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.Tests.History;

/// <summary>A student's program in a few lines: a real TCP connection to the engine, one text line at a time.</summary>
internal sealed class LineClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient _client = new();
    private StreamReader? _reader;
    private StreamWriter? _writer;

    public static async Task<LineClient> ConnectAsync(IPEndPoint server)
    {
        var client = new LineClient();
        await client._client.ConnectAsync(IPAddress.Loopback, server.Port, Ct).AsTask().WaitAsync(Timeout, Ct);
        var stream = client._client.GetStream();
        client._reader = new StreamReader(stream, Encoding.UTF8);
        client._writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        return client;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task SendAsync(string line) => _writer!.WriteLineAsync(line.AsMemory(), Ct);

    public async Task<string?> ReadLineAsync() => await _reader!.ReadLineAsync(Ct).AsTask().WaitAsync(Timeout, Ct);

    /// <summary>Reads until a line satisfies <paramref name="match"/>; fails if the connection ends first.</summary>
    public async Task<string> ReadUntilAsync(Func<string, bool> match)
    {
        while (await ReadLineAsync() is { } line)
        {
            if (match(line))
                return line;
        }
        throw new InvalidOperationException("the server closed the connection before the expected line");
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _writer?.Dispose();
        _client.Dispose();
    }
}
