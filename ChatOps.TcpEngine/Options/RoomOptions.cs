namespace ChatOps.TcpEngine.Options;

/// <summary>
/// One room of <c>Chat:Rooms</c> (<c>Chat:Rooms:&lt;name&gt;:Port</c>, <c>:Mode</c>, <c>:AutoReply</c>): one exercise on its
/// own port. Every other limit comes from the <c>Chat</c> section and applies to each room on its own.
/// </summary>
public sealed class RoomOptions
{
    /// <summary>TCP port of this room; required, distinct across rooms (0 picks a free port: tests).</summary>
    public int Port { get; set; } = -1;

    /// <summary>The exercise this room plays; <c>Chat:Mode</c> when not set.</summary>
    public ChatMode? Mode { get; set; }

    /// <summary>In sync and async rooms, who answers when the teacher does not (<see cref="Options.AutoReply"/>); <c>Chat:AutoReply</c> when not set.</summary>
    public string? AutoReply { get; set; }
}
