namespace ChatOps.TcpEngine.Sessions;

/// <summary>
/// Flow control, both sides of it. As a sender: when a recipient of its lines has a full queue, the read loop stops
/// reading until that queue drains to half (the client's own TCP buffers then fill and its <c>send()</c> blocks, as it
/// would against a slow server). As a recipient: a full queue arms a stall watchdog that cuts the client only if it
/// drained nothing for <c>Chat:StalledReaderTimeout</c>: it stopped reading.
/// </summary>
internal sealed partial class ClientSession
{
    private readonly TaskCompletionSource _closingSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _stallTimer;
    private long _drainedAtWatch;
    private long _progressAt;

    /// <summary>Its queue reached <c>Chat:MaxQueuedBytes</c> and has not drained to half since.</summary>
    public bool QueueFull => _outgoing.IsFull;

    /// <summary>Bytes queued for the client or being written to it.</summary>
    public long QueuedBytes => _outgoing.QueuedBytes;

    /// <summary>Completes when the queue has room again, or the session is closing.</summary>
    public Task WhenQueueHasRoomAsync() => _outgoing.WhenRoomAsync();

    // The read loop, between two reads: pause while a recipient of this client's lines is full. Nothing is dropped: the
    // lines already read were queued; the next ones wait in the client's socket.
    private async Task WaitForRoomAsync(ClientSession recipient)
    {
        Counters.Paused(recipient.Ip, _time.GetUtcNow().UtcTicks);
        try
        {
            while (!IsClosing)
            {
                await Task.WhenAny(recipient.WhenQueueHasRoomAsync(), _closingSignal.Task);
                if (IsClosing || _host.FullRecipient(this) is not { } next)
                    return;
                if (next != recipient)
                    Counters.Paused(next.Ip, _time.GetUtcNow().UtcTicks);
                recipient = next;
            }
        }
        finally
        {
            Counters.Resumed();
        }
    }

    // From whichever thread filled the queue: start watching, with what the transport had taken by then as progress.
    private void WatchForStall(long drained)
    {
        NoteProgress(drained);
        ArmStallCheck();
    }

    private void NoteProgress(long drained)
    {
        Volatile.Write(ref _drainedAtWatch, drained);
        Interlocked.Exchange(ref _progressAt, _time.GetTimestamp());
    }

    // A quarter of the timeout between checks: a client that stopped reading is cut at most 1.25 × the timeout after
    // its last progress, and a full queue costs four timer ticks per timeout, only while it is full.
    private void ArmStallCheck()
    {
        try
        {
            (_stallTimer ?? CreateStallTimer()).Change(_options.StalledReaderTimeout / 4, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The session is over: there is nothing left to watch.
        }
    }

    private ITimer CreateStallTimer()
    {
        var created = _time.CreateTimer(static s => ((ClientSession)s!).CheckStall(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var existing = Interlocked.CompareExchange(ref _stallTimer, created, null);
        if (existing is null)
            return created;
        created.Dispose();
        return existing;
    }

    // On a timer thread. Bytes taken by the transport since the last look: the client reads, only slower than it is sent
    // to. None for StalledReaderTimeout while full: it stopped reading. No longer full: the watch ends until it fills again.
    private void CheckStall()
    {
        if (IsClosing || !_outgoing.IsFull)
            return;
        var drained = _connection.BytesSent;
        if (drained != Volatile.Read(ref _drainedAtWatch))
        {
            NoteProgress(drained);
        }
        else if (_time.GetElapsedTime(Interlocked.Read(ref _progressAt)) >= _options.StalledReaderTimeout)
        {
            Abort(Events.DisconnectReason.TooSlow);
            return;
        }
        ArmStallCheck();
    }
}
