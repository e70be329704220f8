using ChatOps.Cli.Localization;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Protocol;
using ChatOps.TcpEngine.Sessions;

namespace ChatOps.Cli.Serve;

/// <summary>The server console's keyboard: what the operator types goes where the current exercise sends it.</summary>
internal static class OperatorKeyboard
{
    public const string Who = "server console";

    /// <summary>
    /// Reads the operator's lines until arret, Ctrl+C or the end of input. With one room a line goes to it; with several,
    /// <c>@name line</c> talks in room <c>name</c> (<c>@name arret</c> stops that room), and <c>arret</c> alone stops every room.
    /// </summary>
    public static async Task RunAsync(ChatServer server, TextReader keyboard, TextWriter screen, CancellationToken stopping)
    {
        // End of input (a closed or redirected stdin) does not stop the server: only arret or Ctrl+C do.
        while (!stopping.IsCancellationRequested && await keyboard.ReadLineAsync(stopping) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (ProtocolWords.Parse(line) == ProtocolWord.Arret)
            {
                await server.ArretAsync(Who);
                return;
            }
            var (engine, text, problem) = Target(server, line);
            if (engine is not null && ProtocolWords.Parse(text) == ProtocolWord.Arret)
                await engine.ArretAsync(Who);
            else if ((problem ?? Send(engine!, text)) is { } why)
                await screen.WriteLineAsync($"  ({why})");
        }
    }

    // "@ex2 hello" is "hello" in room ex2; without "@", the only room.
    private static (ChatEngine? Room, string Text, string? Problem) Target(ChatServer server, string line)
    {
        if (!line.StartsWith('@'))
        {
            return server.Rooms is [var only]
                ? (only, line, null)
                : (null, line, CliText.Format("Serve.SeveralRooms", string.Join(", ", server.Rooms.Select(r => "@" + r.Name))));
        }
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? line[1..] : line[1..space];
        var text = space < 0 ? "" : line[(space + 1)..];
        if (server.Room(name) is not { } room)
            return (null, text, CliText.Format("Serve.NoSuchRoom", name, string.Join(", ", server.Rooms.Select(r => r.Name))));
        return string.IsNullOrWhiteSpace(text) ? (null, text, CliText.Format("Serve.NothingAfterRoom", name)) : (room, text, null);
    }

    /// <summary>Returns why the line went nowhere, or null when it was sent.</summary>
    private static string? Send(ChatEngine engine, string line)
    {
        switch (engine.Mode)
        {
            case ChatMode.Sync:
                if (!engine.TryReply(line, Who, out var greeting))
                    return CliText.Get("Serve.NoClient");
                return greeting ? CliText.Get("Serve.Greeting") : null;
            case ChatMode.Async:
                var served = engine.GetSessions().FirstOrDefault(s => s.Serving == ServingState.Served);
                return served is not null && engine.SendTo(served.Id, line, Who) ? null : CliText.Get("Serve.NoClient");
            default:
                return engine.Broadcast(line, Who) > 0 ? null : CliText.Get("Serve.NoClient");
        }
    }
}
