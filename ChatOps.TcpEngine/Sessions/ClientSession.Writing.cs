using ChatOps.TcpEngine.Decoding;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>The write loop: the one writer of the socket, in the encoding the client was seen to use.</summary>
internal sealed partial class ClientSession
{
    private async Task WriteLoopAsync()
    {
        try
        {
            var first = true;
            while (await _outgoing.WaitToReadAsync())
            {
                if (first)
                {
                    first = false;
                    await WaitForFirstBytesAsync();
                }
                // Coalesce: everything queued so far goes out in one write.
                var batch = _outgoing.TakeAll();
                EncodeForClient(batch);
                Counters.Sent(batch);
                Trail.Sent(batch, _time.GetUtcNow());
                if (!await _connection.WriteAsync(batch, _backlogged))
                    break;
                _outgoing.Written();
                Volatile.Write(ref _wroteSinceRead, 1);
            }
            _connection.ShutdownOutput();
        }
        catch (Exception ex) when (ExpectedDisconnect.Is(ex))
        {
            // The client left or was cut while we wrote: its remaining lines have nobody to go to.
        }
    }

    // A client that writes UTF-16, writeUTF, Windows-1252 or telnet reads the same: only such clients pay a copy. Done
    // at write time, so lines queued before the client first spoke (a welcome) follow the encoding it turned out to use.
    private void EncodeForClient(List<OutgoingLines> batch)
    {
        var encoding = _reply;
        var crLf = _replyCrLf;
        if (encoding == ReplyEncoding.Utf8 && !crLf)
            return;
        for (var i = 0; i < batch.Count; i++)
            batch[i] = batch[i] with { Bytes = ReplyEncoder.Encode(batch[i].Bytes.Span, encoding, crLf) };
    }

    // The first lines wait (at most Chat:FirstLinesWait) until the client speaks: a UTF-16 or writeUTF client misreads
    // everything after a UTF-8 welcome. A client that only listens gets them after the wait.
    private async Task WaitForFirstBytesAsync()
    {
        if (_spoke.Task.IsCompleted)
            return;
        await Task.WhenAny(_spoke.Task, Task.Delay(_options.FirstLinesWait, _time));
    }
}
