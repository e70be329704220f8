using System.Globalization;
using System.Text;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Cli.Serve;

/// <summary>Prints what happens (time, IP:port, text) and ends the program when someone says arret.</summary>
internal static class EventPrinter
{
    // Lines written per console write at most: a burst is printed in a few writes, and the screen still moves.
    private const int MaxBatch = 256;

    public static async Task RunAsync(EventSubscription events, TextWriter screen, IHostApplicationLifetime lifetime)
    {
        var endpoints = new Dictionary<long, string>();
        var batch = new StringBuilder();
        var reader = events.Reader;
        while (await reader.WaitToReadAsync())
        {
            // Everything already queued goes out in one write: under load, a console write per event costs a system call
            // each, on the two cores the relay itself needs.
            var arret = false;
            for (var n = 0; n < MaxBatch && reader.TryRead(out var e); n++)
            {
                if (e is ClientConnected c)
                    endpoints[c.SessionId] = $"{c.Ip}:{c.Port}";
                if (Format(e, endpoints) is { } text)
                    batch.Append(e.At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ').Append(text).Append(screen.NewLine);
                if (e is ClientDisconnected d)
                    endpoints.Remove(d.SessionId);
                arret |= e is EngineStopped { Reason: StopReason.Arret };
            }
            await screen.WriteAsync(batch.ToString());
            batch.Clear();
            if (arret)
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
