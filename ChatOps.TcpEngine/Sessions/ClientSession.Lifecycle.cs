using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Transport;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>The connection's life: run it to its end, leave the room once, linger for the peer's close.</summary>
internal sealed partial class ClientSession
{
    /// <summary>Runs the connection to its end, then leaves the room. A fault is rethrown after the session has left.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (!ExpectedDisconnect.Is(ex))
        {
            // A bug, not a client: the session still leaves (no ghost counted forever), and the engine logs it.
            BeginClose(DisconnectReason.Error);
            throw;
        }
        finally
        {
            _closeDeadline.Dispose();
            _pauseTimer?.Dispose();
            _stallTimer?.Dispose();
            LeaveRoom();
        }
    }

    private async Task RunConnectionAsync(CancellationToken cancellationToken)
    {
        using var abortOnDeadline = _closeDeadline.Token.Register(static c => ((ChatConnection)c!).Abort(), _connection);
        using var abortOnCancel = cancellationToken.Register(static s => ((ClientSession)s!).Abort(DisconnectReason.Shutdown), this);
        var writing = WriteLoopAsync();
        try
        {
            await ReadLoopAsync();
            if (InputEnded)
            {
                // The client only shut down its sending side: it stays a reader until its room has nothing more for it,
                // or it is gone for good (TCP cannot tell a full close from a half-close until the peer answers with a reset).
                await WhileReaderAsync(writing);
            }
            else if (BeginClose(DisconnectReason.ClosedByPeer))
            {
                // The peer closed: let the write loop drain what is queued, within the close deadline.
                _closeDeadline.CancelAfter(_options.CloseTimeout);
            }
        }
        catch
        {
            Abort(DisconnectReason.Error);
            throw;
        }
        finally
        {
            _outgoing.Complete();
            await writing;
        }

        // Nothing more goes to the client or comes from it: the room forgets it now, not after the lingering below.
        LeaveRoom();
        if (!_peerClosed)
            await LingerAsync();
        await _connection.DisposeAsync();
    }

    private void LeaveRoom()
    {
        if (Interlocked.Exchange(ref _left, 1) != 0)
            return;
        BeginClose(DisconnectReason.ClosedByPeer);
        try
        {
            _host.OnClosed(this, CloseReason ?? DisconnectReason.ClosedByPeer);
        }
        finally
        {
            _leftRoom.TrySetResult();
        }
    }

    // We closed first: read and ignore what the client still sends until it closes too, within the close deadline, so
    // the kernel ends the connection with a FIN after our last lines instead of a reset that could destroy them.
    private async Task LingerAsync()
    {
        var input = _connection.Input;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || (result.IsCanceled && Interlocked.Exchange(ref _pauseDue, 0) == 0))
                    return;
            }
        }
        catch (Exception ex) when (ExpectedDisconnect.Is(ex))
        {
            // The deadline cut it, or the client reset: either way the connection is over.
        }
    }

    // Close and Abort come from other threads (operator, stop, relay) and may race with the connection ending on its
    // own, which disposes the deadline: then there is nothing left to cut.
    private void Cut(TimeSpan? after)
    {
        try
        {
            if (after is { } delay)
                _closeDeadline.CancelAfter(delay);
            else
                _closeDeadline.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    // Only records the reason: the room learns of it when the connection is over (RunAsync's finally).
    private bool BeginClose(DisconnectReason reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return false;
        CloseReason = reason;
        _closingSignal.TrySetResult();
        // A closing notice (arret, kicked, server full) goes out at once, whatever the client has said.
        _spoke.TrySetResult();
        return true;
    }

    private async Task WhileReaderAsync(Task writing)
    {
        using var watch = new CancellationTokenSource();
        var gone = _connection.PeerGoneAsync(watch.Token);
        if (await Task.WhenAny(writing, gone) == gone)
            Abort(DisconnectReason.ClosedByPeer);
        await watch.CancelAsync();
        // The write loop ends when a write fails too: the reader left while we wrote to it.
        if (BeginClose(DisconnectReason.ClosedByPeer))
            _outgoing.Complete();
    }
}
