using System.Globalization;
using System.Text;

namespace ChatOps.Grading;

/// <summary>How reasons and transcripts quote durations and the server's text: on one line, control characters escaped.</summary>
public static class Words
{
    private const int MaxQuoted = 80;

    public static string Duration(TimeSpan span) => span.TotalMilliseconds < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    /// <summary>A duration as a reason keeps it: whole milliseconds, shown with <c>{0:dur}</c>.</summary>
    public static long Ms(TimeSpan span) => (long)Math.Round(span.TotalMilliseconds);

    /// <summary>The text in quotes, escaped, cut to a readable length.</summary>
    public static string Quote(string text) =>
        text.Length > MaxQuoted ? $"\"{Escape(text[..MaxQuoted])}…\"" : $"\"{Escape(text)}\"";

    /// <summary>The text with <c>\r</c>, <c>\n</c>, <c>\t</c>, quotes and every control character (an ANSI escape too) written out.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '\\' => "\\\\",
                '"' => "\\\"",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
