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

    public static async Task RunAsync(ChatEngine engine, TextReader keyboard, TextWriter screen, CancellationToken stopping)
    {
        // End of input (a closed or redirected stdin) does not stop the server: only arret or Ctrl+C do.
        while (!stopping.IsCancellationRequested && await keyboard.ReadLineAsync(stopping) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (ProtocolWords.Parse(line) == ProtocolWord.Arret)
            {
                await engine.ArretAsync(Who);
                return;
            }
            if (Send(engine, line) is { } problem)
                await screen.WriteLineAsync($"  ({problem})");
        }
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
