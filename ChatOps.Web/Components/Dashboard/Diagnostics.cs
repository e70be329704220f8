using ChatOps.TcpEngine.Sessions;
using MudBlazor;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>What the engine noticed about a client's program, as chips (label, colour) with the sentence a student needs.</summary>
internal static class Diagnostics
{
    public static IEnumerable<(string Label, Color Color, string Meaning)> Of(SessionSnapshot s, DateTimeOffset now, TimeSpan warning)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var (trait, label, hint) in TraitHints.Of(s.Traits))
            yield return (label, ColorOf(trait), hint);
        if (s.UnfinishedSince is { } since && now - since >= warning)
            yield return ($"unfinished line for {(int)(now - since).TotalSeconds} s", Color.Error,
                $"{s.UnfinishedBytes} byte(s) without a newline: a missing println or flush?");
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
