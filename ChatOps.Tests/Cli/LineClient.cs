using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.Tests.Cli;

/// <summary>A raw TCP client that reads lines with a bounded wait, as a student's program would.</summary>
internal sealed class LineClient : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp;
    private readonly StreamReader _reader;
    private readonly Stream _stream;

    private LineClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, new UTF8Encoding(false));
    }

    public static async Task<LineClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        return new LineClient(tcp);
    }

    public async Task SendAsync(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        await _stream.WriteAsync(bytes);
    }

    /// <summary>The next line, or null when the server closed the connection.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan? timeout = null) =>
        await _reader.ReadLineAsync().WaitAsync(timeout ?? DefaultWait);

    /// <summary>Reads until a line matches; notices and other lines before it are skipped.</summary>
    public async Task<string> ReadUntilAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        while (await _reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (match(line))
                return line;
        }
        throw new Xunit.Sdk.XunitException("The server closed the connection before the expected line.");
    }

    /// <summary>Reads until the server closes; returns the lines read on the way.</summary>
    public async Task<List<string>> ReadToCloseAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        var lines = new List<string>();
        while (await _reader.ReadLineAsync(cts.Token) is { } line)
            lines.Add(line);
        return lines;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _tcp.Dispose();
    }
}
