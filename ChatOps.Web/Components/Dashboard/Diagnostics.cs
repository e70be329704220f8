using ChatOps.TcpEngine.Sessions;
using MudBlazor;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>What the engine noticed about a client's program, as chips (label, colour) with the sentence a student needs.</summary>
internal static class Diagnostics
{
    // A backlog worth showing: a few hundred chat lines, far more than one burst of the class.
    private const long BackloggedBytes = 64 * 1024;

    public static IEnumerable<(string Label, Color Color, string Meaning)> Of(SessionSnapshot s, DateTimeOffset now, TimeSpan warning)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var (trait, label, hint) in TraitHints.Of(s.Traits))
            yield return (label, ColorOf(trait), hint);
        if (s.UnfinishedSince is { } since && now - since >= warning)
            yield return ($"unfinished line for {(int)(now - since).TotalSeconds} s", Color.Error,
                $"{s.UnfinishedBytes} byte(s) without a newline: a missing println or flush?");
        // Flow control: a sender paused behind a classmate that reads slowly, and that classmate's backlog.
        if (s.PausedFor is { } recipient)
            yield return ($"paused for {recipient}", Color.Info,
                $"Reading from this client waits until {recipient} catches up with its lines: nothing is lost, its program's send() blocks meanwhile.");
        if (s.QueuedBytes >= BackloggedBytes)
            yield return ($"{s.QueuedBytes / 1024} KB behind", Color.Warning,
                "Lines wait to be sent to this client: its program reads slower than the class writes (or not at all: then it is cut).");
        if (s.Serving == ServingState.Served)
            yield return ("served", Color.Success, "The client the server talks to now.");
        else if (s.Serving == ServingState.Waiting)
            yield return ("waiting", Color.Default, "Waits for its turn.");
    }

    // Plain line ends are information; what another student's program would trip over is a warning.
    private static Color ColorOf(ClientTraits trait) => trait switch
    {
        ClientTraits.LineFeed or ClientTraits.CrLf => Color.Default,
        ClientTraits.Telnet or ClientTraits.HalfClosed or ClientTraits.Edited => Color.Info,
        ClientTraits.InvalidUtf8 or ClientTraits.FormatCharacters => Color.Error,
        _ => Color.Warning,
    };
}
