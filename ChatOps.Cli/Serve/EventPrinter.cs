using System.Globalization;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Cli.Serve;

/// <summary>Prints what happens (time, IP:port, text) and ends the program when someone says arret.</summary>
internal static class EventPrinter
{
    public static async Task RunAsync(EventSubscription events, TextWriter screen, IHostApplicationLifetime lifetime)
    {
        var endpoints = new Dictionary<long, string>();
        await foreach (var e in events.ReadAllAsync())
        {
            if (e is ClientConnected c)
                endpoints[c.SessionId] = $"{c.Ip}:{c.Port}";
            if (Format(e, endpoints) is { } text)
                await screen.WriteLineAsync($"{e.At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {text}");
            if (e is ClientDisconnected d)
                endpoints.Remove(d.SessionId);
            if (e is EngineStopped { Reason: StopReason.Arret })
                lifetime.StopApplication();
        }
    }

    private static string? Format(ChatEvent e, Dictionary<long, string> endpoints)
    {
        string Who(long id, string ip) => endpoints.GetValueOrDefault(id, ip);
        return e switch
        {
            ClientConnected c => $"{Who(c.SessionId, c.Ip)} connected",
            ClientDisconnected d => $"{Who(d.SessionId, d.Ip)} disconnected ({Describe(d.Reason)})",
            LineReceived l => $"{Who(l.SessionId, l.Ip)} > {l.Text}",
            ReplyAwaited r => $"{Who(r.SessionId, r.Ip)} waits for your reply to: {r.Text}",
            ServingChanged { ServedSessionId: { } id } s => $"now serving {Who(id, "?")} ({s.Waiting} waiting)",
            OperatorLine o => $"you > {o.Text}",
            ProtocolViolation v => $"{Who(v.SessionId, v.Ip)} ! {v.Detail}",
            EngineStopped s => $"server stopped ({s.Reason.ToString().ToLowerInvariant()}, by {s.By})",
            ModeChanged m => $"mode {m.From} -> {m.To} (by {m.By})",
            _ => null,
        };
    }

    private static string Describe(DisconnectReason reason) => reason switch
    {
        DisconnectReason.ClosedByPeer => "closed by the client",
        DisconnectReason.TooSlow => "too slow: it stopped reading",
        DisconnectReason.ModeSwitch => "mode switch",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
