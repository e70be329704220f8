using System.Net.Sockets;
using System.Text;

namespace ChatOps.Grading.Conversation;

/// <summary>The writing side of a check's client: bytes as they are, messages in the server's dialect, a FIN, a reset.</summary>
internal sealed partial class CheckConnection
{
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
            throw new CheckFailure(new("Client.CannotWrite", Name));
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

    private async Task PauseAfterLastMessageAsync(CancellationToken cancellationToken)
    {
        var since = Environment.TickCount64 - Interlocked.Read(ref _lastMessageWrite);
        var pause = (long)_options.MessagePause.TotalMilliseconds;
        if (since < pause)
            await Task.Delay(TimeSpan.FromMilliseconds(pause - since), cancellationToken);
    }
}
