using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Grading.Conversation;

/// <summary>
/// One client of a check: connects, writes, and (unless it plays a client that never reads) reads everything the
/// server writes into <see cref="Messages"/>, with every byte in the check's transcript. Its receive loop is its life:
/// it ends when the server closes or resets the connection, or when the check disposes it.
/// </summary>
internal sealed class CheckConnection : IAsyncDisposable
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
                ? "connection refused (nothing listens on that port)"
                : ex is OperationCanceledException ? $"no answer within {Words.Duration(options.Timeout)}" : ex.Message;
            transcript.Note(name, $"could not connect: {why}");
            throw new CheckFailure($"client {name} could not connect: {why}");
        }
        var connection = new CheckConnection(name, socket, transcript, options);
        transcript.Note(name, $"connected from {connection.Local} to {server}");
        if (reading == Reading.Never)
            transcript.Note(name, "never reads what the server sends");
        else
            connection._receiving = connection.ReceiveAsync(reading == Reading.Keep);
        return connection;
    }

    /// <summary>Writes bytes as they are (no newline added).</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _transcript.Sent(Name, bytes.Span);
        Volatile.Write(ref _wroteSinceRead, 1);
        try
        {
            await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The server closed or reset the connection: a fact for the check to judge, not a crash of the checker.
            _transcript.Note(Name, $"could not write: {ex.Message}");
            throw new CheckFailure($"client {Name} could not write: the server closed the connection");
        }
    }

    /// <summary>Writes one message in the server's dialect: with a newline, or alone and followed by silence.</summary>
    public Task SendMessageAsync(string text, Dialect dialect, CancellationToken cancellationToken) =>
        SendPiecesAsync([text], TimeSpan.Zero, addLineEnd: true, dialect, cancellationToken);

    /// <summary>
    /// Writes one message in several writes, <paramref name="between"/> apart; the line end (in the lines dialect, and
    /// when <paramref name="addLineEnd"/>) goes with the last piece. An unknown dialect is written as lines.
    /// </summary>
    public async Task SendPiecesAsync(IReadOnlyList<string> pieces, TimeSpan between, bool addLineEnd, Dialect dialect, CancellationToken cancellationToken)
    {
        if (dialect == Dialect.Messages)
            await PauseAfterLastMessageAsync(cancellationToken);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0)
                await Task.Delay(between, cancellationToken);
            var text = i == pieces.Count - 1 && addLineEnd && dialect != Dialect.Messages ? pieces[i] + "\n" : pieces[i];
            await SendRawAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        }
        if (dialect == Dialect.Messages)
            Interlocked.Exchange(ref _lastMessageWrite, Environment.TickCount64);
    }

    /// <summary>Waits until the messages received so far satisfy the condition; false when the time is up first.</summary>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<ReceivedMessage>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_messages))
                    return true;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lock (_gate)
                    return condition(_messages);
            }
        }
    }

    /// <summary>The first message from index <paramref name="from"/> on that matches, waiting for it at most <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMessage?> WaitForAsync(Func<ReceivedMessage, bool> match, int from, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ReceivedMessage? found = null;
        await WaitUntilAsync(all => (found = all.Skip(from).FirstOrDefault(match)) is not null, timeout, cancellationToken);
        return found;
    }

    /// <summary>Messages from index <paramref name="from"/> on, after the connection stayed quiet for <paramref name="quiet"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> AfterQuietAsync(int from, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var seen = -1;
        while (seen != MessageCount)
        {
            seen = MessageCount;
            await WaitUntilAsync(all => all.Count > seen, quiet, cancellationToken);
        }
        return Messages.Skip(from).ToList();
    }

    /// <summary>Whether the server ended the connection within the timeout ("closed" or "reset"; null if it stayed open).</summary>
    public async Task<string?> WaitClosedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _closed.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Says "nothing more from me" (a FIN) and goes on reading.</summary>
    public void ShutdownSend()
    {
        _transcript.Note(Name, "shuts down its sending side");
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to say.
        }
    }

    /// <summary>Ends the connection with a reset, as a killed program's does (SO_LINGER 0).</summary>
    public void Reset()
    {
        _transcript.Note(Name, "resets the connection (like a program that is killed)");
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
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

    private async Task PauseAfterLastMessageAsync(CancellationToken cancellationToken)
    {
        var since = Environment.TickCount64 - Interlocked.Read(ref _lastMessageWrite);
        var pause = (long)_options.MessagePause.TotalMilliseconds;
        if (since < pause)
            await Task.Delay(TimeSpan.FromMilliseconds(pause - since), cancellationToken);
    }

    private async Task ReceiveAsync(bool keep)
    {
        var framer = new MessageFramer(MaxMessageBytes);
        var buffer = new byte[16 * 1024];
        long total = 0;
        var token = _stop.Token;
        var how = "closed";
        try
        {
            while (!keep || (total < MaxReceivedBytes && MessageCount < MaxMessages))
            {
                var read = _socket.ReceiveAsync(buffer, SocketFlags.None, token).AsTask();
                // A silence ends a message without newline (or the dropped tail of a NUL-padded buffer: no message).
                if (framer.HasPartial && !await CompletesWithinAsync(read, _options.MessageGap, token) && framer.Flush() is { } held)
                    Add(held, endedByNewline: false);
                var n = await read;
                if (n == 0)
                    break;
                total += n;
                Interlocked.Add(ref _receivedBytes, n);
                Signal();
                if (!keep)
                    continue;
                _transcript.Received(Name, buffer.AsSpan(0, n));
                if (Interlocked.Exchange(ref _wroteSinceRead, 0) == 1)
                    framer.NewBurst();
                foreach (var line in framer.Feed(buffer.AsSpan(0, n)))
                    Add(line, endedByNewline: true);
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            how = "reset";
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The check is over and disposed this client: not something the server did.
            how = "closed by the checker";
        }
        if (framer.Flush() is { } rest)
            Add(rest, endedByNewline: false);
        if (how != "closed by the checker")
            _transcript.Note(Name, how == "reset" ? "the server reset the connection" : "the server closed the connection");
        _closed.TrySetResult(how);
        Signal();
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan within, CancellationToken cancellationToken)
    {
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = await Task.WhenAny(task, Task.Delay(within, delay.Token));
        await delay.CancelAsync();
        return first == task;
    }

    private void Add(string text, bool endedByNewline)
    {
        lock (_gate)
            _messages.Add(new ReceivedMessage(text, endedByNewline, _transcript.Now));
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
