using ChatOps.TcpEngine;
using static ChatOps.Grading.CheckVerdict;

namespace ChatOps.Tests.Check;

/// <summary>
/// The student-style servers: a correct one per exercise, with and without newlines, and broken ones with one fault
/// each, with the exact verdict of every check (all checks pass unless listed).
/// </summary>
internal static class ServerCases
{
    private const string Msg = "--messages";

    public static IReadOnlyList<ServerCase> All { get; } =
    [
        ServerCase.Of("echo", ChatMode.Echo, "echo.py", []),
        ServerCase.Of("echo, no newline", ChatMode.Echo, "echo.py", [Msg]),
        ServerCase.Of("sync", ChatMode.Sync, "chat.py", ["sync"]),
        ServerCase.Of("sync, no newline", ChatMode.Sync, "chat.py", ["sync", Msg]),
        ServerCase.Of("async", ChatMode.Async, "chat.py", ["async"]),
        ServerCase.Of("async, no newline", ChatMode.Async, "chat.py", ["async", Msg]),
        ServerCase.Of("relay", ChatMode.Relay, "relay.py", []),
        ServerCase.Of("relay, no newline", ChatMode.Relay, "relay.py", [Msg]),

        ServerCase.Of("relay echoes to the sender", ChatMode.Relay, "relay.py", ["--fault", "self-echo"], ("no_self_echo", Fail)),
        ServerCase.Of("relay without IP", ChatMode.Relay, "relay.py", ["--fault", "no-ip"], ("sender_ip", Fail)),
        ServerCase.Of("echo dies on bye", ChatMode.Echo, "echo.py", ["--fault", "dies-on-bye"],
            [("bye", Fail), .. ServerCase.From(ChatMode.Echo, "bye", Skip)]),
        ServerCase.Of("sync accepts one client, never again", ChatMode.Sync, "chat.py", ["sync", "--fault", "one-client"],
            [("reply", Fail), .. ServerCase.From(ChatMode.Sync, "reply", Skip)]),
        ServerCase.Of("relay serves one client at a time", ChatMode.Relay, "relay.py", ["--fault", "one-at-a-time"],
            [.. ServerCase.From(ChatMode.Relay, "connect", Fail), ("sender_ip", Skip), ("no_self_echo", Skip), ("arret", Pass)]),
        ServerCase.Of("relay blocks on a slow reader", ChatMode.Relay, "relay.py", ["--fault", "blocking"], ("slow_reader", Fail)),
        ServerCase.Of("relay splits messages on recv()", ChatMode.Relay, "relay.py", ["--fault", "split"], ("split_message", Fail)),
        ServerCase.Of("echo ignores arret", ChatMode.Echo, "echo.py", ["--fault", "ignores-arret"], ("arret", Fail)),
        ServerCase.Of("sync answers twice", ChatMode.Sync, "chat.py", ["sync", "--fault", "twice"], ("reply", Fail)),

        // One more fault for each check that the lab's list leaves without a server failing it on its own.
        ServerCase.Of("nothing listens", ChatMode.Echo, null, [], [("connect", Fail), .. ServerCase.From(ChatMode.Echo, "connect", Skip)]),
        ServerCase.Of("echo to every client", ChatMode.Echo, "echo.py", ["--fault", "to-everyone"], ("echo", Fail)),
        ServerCase.Of("echo reads Latin-1", ChatMode.Echo, "echo.py", ["--fault", "latin1"], ("utf8", Fail)),
        ServerCase.Of("echo dies on a reset", ChatMode.Echo, "echo.py", ["--fault", "dies-on-reset"],
            [("client_crash", Fail), .. ServerCase.From(ChatMode.Echo, "client_crash", Skip)]),
        ServerCase.Of("echo with a table of 20 clients", ChatMode.Echo, "echo.py", ["--fault", "fixed-table"], ("churn", Fail), ("arret", Fail)),
        ServerCase.Of("sync turns away a waiting client", ChatMode.Sync, "chat.py", ["sync", "--fault", "turns-away"], ("reconnect", Fail), ("client_crash", Fail)),
        ServerCase.Of("sync takes \r for a line end", ChatMode.Sync, "chat.py", ["sync", "--fault", "cr-lines"], ("crlf", Fail)),
    ];

    public static ServerCase Named(string name) => All.Single(c => c.Name == name);
}
