using ChatOps.TcpEngine;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>One sentence per mode saying which exercise of the lab it plays.</summary>
internal static class ModeDescriptions
{
    public static IReadOnlyList<ChatMode> All { get; } = [ChatMode.Echo, ChatMode.Sync, ChatMode.Async, ChatMode.Relay];

    public static string Of(ChatMode mode) => mode switch
    {
        ChatMode.Echo => "Exercise 1 (echo): the server sends every line back to the client that wrote it.",
        ChatMode.Sync => "Exercise 2, synchronous: one client at a time, and the teacher answers each line before the next.",
        ChatMode.Async => "Exercise 2, asynchronous: one client at a time, and both sides write whenever they like.",
        ChatMode.Relay => "Exercise 3 (multi-client): every line goes to every other client, prefixed with the sender's IP.",
        _ => mode.ToString(),
    };
}
