using System.Net;
using System.Net.Sockets;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Grading.Conversation;

/// <summary>
/// One client of a check: connects, writes, and (unless it plays a client that never reads) reads everything the
/// server writes into <see cref="Messages"/>, with every byte in the check's transcript. Its receive loop is its life:
/// it ends when the server closes or resets the connection, or when the check disposes it.
/// </summary>
internal sealed partial class CheckConnection : IAsyncDisposable
{
    // A server that floods cannot make a check hold more than this; past it the connection stops reading.
    private const int MaxReceivedBytes = 16 * 1024 * 1024;
    private const int MaxMessages = 100_000;
    private const int MaxMessageBytes = 64 * 1024;

    // Set when the checker writes, taken by the receive loop: the server's next bytes are a new reply (MessageFramer.NewBurst).
    private int _wroteSinceRead;

    private readonly Socket _socket;
    private readonly Transcript _transcript;
    private readonly CheckOptions _options;
    private readonly List<ReceivedMessage> _messages = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private long _lastMessageWrite;
    private int _disposed;
    private long _receivedBytes;

    private CheckConnection(string name, Socket socket, Transcript transcript, CheckOptions options)
    {
        Name = name;
        _socket = socket;
        _transcript = transcript;
        _options = options;
        Local = (IPEndPoint)socket.LocalEndPoint!;
    }

    public string Name { get; }

    public IPEndPoint Local { get; }

    /// <summary>The address the server sees for this client, as people write it.</summary>
    public string Ip => IpText.Format(Local.Address);

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_gate)
                return [.. _messages];
        }
    }

    public int MessageCount
    {
        get
        {
            lock (_gate)
                return _messages.Count;
        }
    }

    /// <summary>Bytes received so far, kept or not.</summary>
    public long ReceivedBytes => Interlocked.Read(ref _receivedBytes);

    /// <summary>Completes with "closed" or "reset" when the server ends the connection.</summary>
    public Task<string> Closed => _closed.Task;

    public static async Task<CheckConnection> ConnectAsync(string name, IPEndPoint server, IPAddress? from, Reading reading, Transcript transcript, CheckOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (reading == Reading.Never)
                socket.ReceiveBufferSize = 1024; // So that a server which blocks on this client blocks soon.
            if (from is not null)
                socket.Bind(new IPEndPoint(from, 0));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            await socket.ConnectAsync(server, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            var why = ex is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                ? new CheckReason("Net.RefusedNoListener")
                : ex is OperationCanceledException ? new CheckReason("Net.NoAnswer", Words.Ms(options.Timeout)) : new CheckReason("Net.Error", ex.Message);
            transcript.Note(name, $"could not connect: {why}");
            throw new CheckFailure(new("Client.CannotConnect", name, why));
        }
        var connection = new CheckConnection(name, socket, transcript, options);
        transcript.Note(name, $"connected from {connection.Local} to {server}");
        if (reading == Reading.Never)
            transcript.Note(name, "never reads what the server sends");
        else
            connection._receiving = connection.ReceiveAsync(reading == Reading.Keep);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the server or reset by the check.
        }
        _socket.Dispose();
        await _receiving;
        _stop.Dispose();
    }
}
