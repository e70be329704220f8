using ChatOps.TcpEngine.Bus;
using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.TcpEngine.Engine;

/// <summary>What the teacher can do: write to everyone or to one client, answer in sync mode, kick.</summary>
public sealed partial class ChatEngine
{
    public const string DefaultOperator = "operator";

    /// <summary>Sends a line to every client; returns how many it went to (0 when the text is blank).</summary>
    public int Broadcast(string text, string by = DefaultOperator)
    {
        if (Clean(text) is not { } clean)
            return 0;
        var recipients = _room.Sessions.Count;
        _room.Bus.Publish(new ChatBroadcast(WireFormat.Encode(_room.Mode.FormatOperatorLine(clean))));
        _room.Publish(new OperatorLine(_time.GetUtcNow(), null, clean, by, recipients));
        return recipients;
    }

    /// <summary>Sends a private line to one client; false when it is not connected.</summary>
    public bool SendTo(long sessionId, string text, string by = DefaultOperator)
    {
        if (Clean(text) is not { } clean || Find(sessionId) is not { } session)
            return false;
        var sent = session.TrySend(_room.Mode.FormatOperatorLine(clean));
        _room.Publish(new OperatorLine(_time.GetUtcNow(), sessionId, clean, by, sent ? 1 : 0));
        return sent;
    }

    /// <summary>
    /// In sync mode, answers the oldest unanswered line of the served client; when none waits, greets the served client
    /// (a client that reads before it writes waits for the server to speak first). False when no client is served.
    /// </summary>
    public bool Reply(string text, string by = DefaultOperator) => TryReply(text, by, out _);

    /// <inheritdoc cref="Reply"/>
    /// <param name="greeting">True when the line answered nothing: it greeted the served client.</param>
    public bool TryReply(string text, string by, out bool greeting)
    {
        greeting = false;
        if (Clean(text) is not { } clean || !_room.Mode.TryReply(clean, out var client, out greeting) || client is null)
            return false;
        _room.Publish(new OperatorLine(_time.GetUtcNow(), client.Id, clean, by, 1, greeting));
        return true;
    }

    /// <summary>How many of the last bytes each way <see cref="GetByteTrail"/> keeps per client.</summary>
    public const int ByteTrailBytes = ByteTrail.BytesPerDirection;

    /// <summary>The last bytes received from and sent to one client, oldest first; empty when it is not connected.</summary>
    public IReadOnlyList<TrailChunk> GetByteTrail(long sessionId) => Find(sessionId)?.Trail.Snapshot() ?? [];

    /// <summary>Disconnects one client with a notice; false when it is not connected.</summary>
    public bool Kick(long sessionId, string? reason = null)
    {
        if (Find(sessionId) is not { } session)
            return false;
        session.Close(DisconnectReason.Kicked, Notices.Kicked(reason is null ? null : Clean(reason)));
        return true;
    }

    /// <summary>Whether the client with this id is connected to this room.</summary>
    public bool HasSession(long sessionId) => Find(sessionId) is not null;

    private ClientSession? Find(long sessionId) => _room.Sessions.FirstOrDefault(s => s.Id == sessionId);

    // The operator's text goes through the same cleaning as students': a pasted escape sequence must not reach terminals.
    private static string? Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = TextSanitizer.Clean(text, out _, out _).Trim();
        return clean.Length == 0 ? null : clean;
    }
}
