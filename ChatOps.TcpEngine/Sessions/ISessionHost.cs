using ChatOps.TcpEngine.Events;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.TcpEngine.Sessions;

/// <summary>What a session tells the room it belongs to. Called on the session's read loop, one call at a time per session.</summary>
internal interface ISessionHost
{
    /// <summary>A clean, non-blank line, already rate-limited.</summary>
    void OnLine(ClientSession session, string text, ProtocolWord word);

    /// <summary>
    /// The lines handed to <see cref="OnLine"/> so far can go out (the relay gathers them): called when a network read is
    /// done, and before anything that may close the session, so the others get its last lines before its leave.
    /// </summary>
    void Flush(ClientSession session);

    /// <summary>
    /// A recipient of this sender's lines whose queue is full, or null. The read loop pauses before its next read while
    /// there is one (flow control): the relay's other clients, the client itself where the server answers it.
    /// </summary>
    ClientSession? FullRecipient(ClientSession sender);

    void OnViolation(ClientSession session, ViolationKind kind, string detail);

    /// <summary>
    /// The client shut down its sending side (a FIN; its last line, if any, was handed over first). The session stays
    /// a reader: the mode closes it once it has nothing more for it (echo at once, sync once its lines are answered).
    /// </summary>
    void OnInputEnded(ClientSession session);

    /// <summary>
    /// Called once, on the session's own task, when its connection is over (whoever closed it, and after a fault too):
    /// the room forgets it, its mode lets it leave, the disconnect is published.
    /// </summary>
    void OnClosed(ClientSession session, DisconnectReason reason);
}
