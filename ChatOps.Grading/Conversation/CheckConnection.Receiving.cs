using System.Net.Sockets;

namespace ChatOps.Grading.Conversation;

/// <summary>The reading side of a check's client: the receive loop that frames the server's bytes into messages, and the waits on them.</summary>
internal sealed partial class CheckConnection
{
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
