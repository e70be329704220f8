using ChatOps.TcpEngine.Sessions;
using ChatOps.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>What the engine noticed about a client's program, as chips (label, colour) with the sentence a student needs.</summary>
internal static class Diagnostics
{
    // A backlog worth showing: a few hundred chat lines, far more than one burst of the class.
    private const long BackloggedBytes = 64 * 1024;

    public static IEnumerable<(string Label, Color Color, string Meaning)> Of(SessionSnapshot s, DateTimeOffset now, TimeSpan warning, IStringLocalizer<UiText> text)
    {
        ArgumentNullException.ThrowIfNull(s);
        // The engine's words for each trait (TraitHints), in the page's language.
        foreach (var (trait, _, _) in TraitHints.Of(s.Traits))
            yield return (text[$"Trait.{trait}"], ColorOf(trait), text[$"Trait.{trait}.Hint"]);
        if (s.UnfinishedSince is { } since && now - since >= warning)
            yield return (text["Diag.Unfinished", (int)(now - since).TotalSeconds], Color.Error, text["Diag.UnfinishedHint", s.UnfinishedBytes]);
        // Flow control: a sender paused behind a classmate that reads slowly, and that classmate's backlog.
        if (s.PausedFor is { } recipient)
            yield return (text["Diag.Paused", recipient], Color.Info, text["Diag.PausedHint", recipient]);
        if (s.QueuedBytes >= BackloggedBytes)
            yield return (text["Diag.Behind", s.QueuedBytes / 1024], Color.Warning, text["Diag.BehindHint"]);
        if (s.Serving == ServingState.Served)
            yield return (text["Diag.Served"], Color.Success, text["Diag.ServedHint"]);
        else if (s.Serving == ServingState.Waiting)
            yield return (text["Diag.Waiting"], Color.Default, text["Diag.WaitingHint"]);
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
