using System.Net.Sockets;
using System.Text;
using ChatOps.Cli.Localization;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Cli.Client;

/// <summary>One TCP connection to a chat server, read and written as UTF-8 lines ending with <c>\n</c>.</summary>
internal sealed class ChatConnectionClient : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TcpClient _tcp;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private ChatConnectionClient(TcpClient tcp)
    {
        _tcp = tcp;
        var stream = tcp.GetStream();
        _reader = new StreamReader(stream, Utf8);
        _writer = new StreamWriter(stream, Utf8) { NewLine = "\n", AutoFlush = true };
    }

    /// <summary>Connects, or writes one line on stderr and returns null (refused, unknown host, unreachable).</summary>
    public static async Task<ChatConnectionClient?> ConnectAsync(ServerAddress server, TextWriter errors, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
            return new ChatConnectionClient(tcp);
        }
        catch (SocketException ex)
        {
            tcp.Dispose();
            await errors.WriteLineAsync(CliText.Format("Connect.Cannot", server, Describe(ex)));
            return null;
        }
    }

    public Task<string?> ReadLineAsync(CancellationToken cancellationToken) => _reader.ReadLineAsync(cancellationToken).AsTask();

    public async Task SendAsync(string line, CancellationToken cancellationToken) =>
        await _writer.WriteLineAsync(line.AsMemory(), cancellationToken);

    /// <summary>Tells the server we will send nothing more (what <c>nc -N</c> does at end of input).</summary>
    public void FinishSending()
    {
        try
        {
            _tcp.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the server.
        }
    }

    public static bool EndsSession(string line) => ProtocolWords.Parse(line) != ProtocolWord.None;

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _tcp.Dispose();
    }

    private static string Describe(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => CliText.Get("Connect.Refused"),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => CliText.Get("Connect.UnknownHost"),
        SocketError.TimedOut => CliText.Get("Connect.TimedOut"),
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => CliText.Get("Connect.Unreachable"),
        _ => ex.Message,
    };
}
