using System.Buffers;
using System.Text;

namespace ChatOps.TcpEngine.Decoding;

/// <summary>
/// Applies the editing keys a character-mode terminal sends inside a line: backspace (0x08) and DEL (0x7F) erase the
/// character before them, Ctrl+U (0x15, also telnet's erase-line) erases the whole line so far. So <c>by</c>, <c>x</c>,
/// DEL, <c>e</c> is <c>bye</c>.
/// </summary>
internal static class TextEditing
{
    public const byte KillLine = 0x15;

    private static readonly SearchValues<char> Keys = SearchValues.Create("\b\u007f\u0015");

    /// <summary>Returns the same instance when there is nothing to apply.</summary>
    public static string Apply(string text, out bool edited)
    {
        edited = text.AsSpan().ContainsAny(Keys);
        if (!edited)
            return text;
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\b' or '\u007f':
                    EraseLast(line);
                    break;
                case '\u0015':
                    line.Clear();
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }
        return line.ToString();
    }

    // A character outside the BMP is two chars: erase both halves.
    private static void EraseLast(StringBuilder line)
    {
        if (line.Length == 0)
            return;
        var drop = line.Length >= 2 && char.IsLowSurrogate(line[^1]) && char.IsHighSurrogate(line[^2]) ? 2 : 1;
        line.Length -= drop;
    }
}
