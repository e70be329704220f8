using ChatOps.TcpEngine.Sessions;
using MudBlazor;

namespace ChatOps.Web.Components.Dashboard;

/// <summary>What the engine noticed about a client's program, as chips (label, colour) with the sentence a student needs.</summary>
internal static class Diagnostics
{
    public static IEnumerable<(string Label, Color Color, string Meaning)> Of(SessionSnapshot s, DateTimeOffset now, TimeSpan warning)
    {
        ArgumentNullException.ThrowIfNull(s);
        switch (s.LineEnding)
        {
            case LineEndingSeen.CrLf:
                yield return ("CRLF", Color.Default, "Lines end with \\r\\n (Windows, telnet, println on Windows).");
                break;
            case LineEndingSeen.Lf:
                yield return ("LF", Color.Default, "Lines end with \\n (Unix, nc).");
                break;
            case LineEndingSeen.Mixed:
                yield return ("CRLF+LF", Color.Warning, "Some lines end with \\r\\n, others with \\n.");
                break;
        }
        if (s.InvalidUtf8Seen)
            yield return ("invalid UTF-8", Color.Warning, "Some bytes were not UTF-8: check the stream's encoding.");
        if (s.TelnetSeen)
            yield return ("telnet", Color.Info, "Telnet negotiation bytes were seen and ignored.");
        if (s.ControlCharactersSeen)
            yield return ("control chars", Color.Warning, "Control characters were removed from some lines.");
        if (s.UnfinishedSince is { } since && now - since >= warning)
            yield return ($"unfinished line for {(int)(now - since).TotalSeconds} s", Color.Error,
                $"{s.UnfinishedBytes} byte(s) without a newline: a missing println or flush?");
        if (s.Serving == ServingState.Served)
            yield return ("served", Color.Success, "The client the server talks to now.");
        else if (s.Serving == ServingState.Waiting)
            yield return ("waiting", Color.Default, "Waits for its turn.");
    }
}
