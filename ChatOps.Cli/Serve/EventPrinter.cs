using System.Globalization;
using System.Text;
using ChatOps.Cli.Localization;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Events;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Cli.Serve;

/// <summary>
/// Prints what happens (time, room when there are several, IP:port, text) and ends the program when an arret leaves no
/// room running.
/// </summary>
internal static class EventPrinter
{
    // Lines written per console write at most: a burst is printed in a few writes, and the screen still moves.
    private const int MaxBatch = 4096;

    // After a write, events gather this long before the next one: a lone event still shows at once, and under load the
    // console costs a few writes a second instead of one per handful of lines, on the two cores the relay itself needs.
    private static readonly TimeSpan GatherFor = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(EventSubscription events, TextWriter screen, IHostApplicationLifetime lifetime, ChatServer server)
    {
        var rooms = server.Rooms.Count > 1;
        var endpoints = new Dictionary<long, string>();
        var batch = new StringBuilder();
        var newLine = screen.NewLine; // Read once: Console.Out takes its lock even to say what a newline is.
        long droppedShown = 0;
        await foreach (var received in events.ReadBatchesAsync(MaxBatch, GatherFor))
        {
            var arret = false;
            // Never lose events silently: a console that fell behind says how many it could not show.
            var dropped = events.Dropped;
            if (dropped > droppedShown)
            {
                batch.Append(CultureInfo.InvariantCulture, $"{DateTimeOffset.Now:HH:mm:ss} {CliText.Format("Serve.Dropped", dropped - droppedShown)}{newLine}");
                droppedShown = dropped;
            }
            foreach (var e in received)
            {
                if (e is ClientConnected c)
                    endpoints[c.SessionId] = $"{c.Ip}:{c.Port}";
                var start = batch.Length;
                batch.Append(CultureInfo.InvariantCulture, $"{e.At.ToLocalTime():HH:mm:ss} ");
                if (rooms)
                    batch.Append(CultureInfo.InvariantCulture, $"[{e.Room}] ");
                if (Append(batch, e, endpoints))
                    batch.Append(newLine);
                else
                    batch.Length = start;
                if (e is ClientDisconnected d)
                    endpoints.Remove(d.SessionId);
                arret |= e is EngineStopped { Reason: StopReason.Arret };
            }
            await screen.WriteAsync(batch);
            batch.Clear();
            // A room's arret (Chat:ArretScope room) leaves the others serving; the program ends with the last one.
            if (arret && !server.IsRunning)
                lifetime.StopApplication();
        }
    }

    /// <summary>Appends the event's line (without the time) straight into the batch; false for events not printed.</summary>
    private static bool Append(StringBuilder to, ChatEvent e, Dictionary<long, string> endpoints)
    {
        string Who(long id, string ip) => endpoints.GetValueOrDefault(id, ip);
        var culture = CultureInfo.InvariantCulture;
        switch (e)
        {
            case ClientConnected c: to.Append(CliText.Format("Serve.Connected", Who(c.SessionId, c.Ip))); break;
            case ClientDisconnected d: to.Append(CliText.Format("Serve.Disconnected", Who(d.SessionId, d.Ip), Describe(d.Reason))); break;
            case LineReceived l: to.Append(culture, $"{Who(l.SessionId, l.Ip)} > {l.Text}"); break;
            case ReplyAwaited r: to.Append(CliText.Format("Serve.Waits", Who(r.SessionId, r.Ip), r.Text)); break;
            case ServingChanged { ServedSessionId: { } id } s: to.Append(CliText.Format("Serve.Serving", Who(id, "?"), s.Waiting)); break;
            case OperatorLine { Greeting: true } o: to.Append(CliText.Format("Serve.YouGreeting", o.Text)); break;
            case OperatorLine o: to.Append(CliText.Format("Serve.You", o.Text)); break;
            case ProtocolViolation v: to.Append(culture, $"{Who(v.SessionId, v.Ip)} ! {v.Detail}"); break;
            case EngineStopping s: to.Append(CliText.Format("Serve.Stopping", s.Reason.ToString().ToLowerInvariant(), s.By)); break;
            case EngineStopped s: to.Append(CliText.Format("Serve.Stopped", s.Reason.ToString().ToLowerInvariant(), s.By)); break;
            case ModeChanged m: to.Append(CliText.Format("Serve.Mode", m.From, m.To, m.By)); break;
            default: return false;
        }
        return true;
    }

    private static string Describe(DisconnectReason reason) => reason switch
    {
        DisconnectReason.ClosedByPeer => CliText.Get("Serve.ClosedByPeer"),
        DisconnectReason.TooSlow => CliText.Get("Serve.TooSlow"),
        DisconnectReason.Idle => CliText.Get("Serve.Idle"),
        DisconnectReason.LineTimeout => CliText.Get("Serve.LineTimeout"),
        DisconnectReason.ModeSwitch => CliText.Get("Serve.ModeSwitch"),
        _ => reason.ToString().ToLowerInvariant(),
    };
}
