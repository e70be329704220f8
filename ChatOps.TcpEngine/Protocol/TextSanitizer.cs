using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ChatOps.TcpEngine.Protocol;

/// <summary>
/// Makes a line safe to show to others. Control characters other than tab (ANSI escape sequences with their parameters,
/// BEL, NUL, DEL, C1) are removed, so nobody can clear, recolour or ring another student's terminal. Invisible characters
/// are removed too, so nobody can make a line pass for another student's: the bidi controls U+202A–U+202E and
/// U+2066–U+2069 (and U+061C), the zero-width and format characters U+200B–U+200F, U+2060 and the BOM; the line and
/// paragraph separators U+2028 and U+2029 become spaces, since Java's <c>Scanner.nextLine()</c> and Python's
/// <c>splitlines()</c> end a line there (U+0085, the other one, is a C1 control).
/// </summary>
public static class TextSanitizer
{
    private const char Esc = '\u001b';
    private const char Bel = '\u0007';
    private const char C1Csi = '\u009b';

    private static readonly SearchValues<char> Controls = SearchValues.Create(ControlChars());
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff");

    /// <summary>
    /// <see cref="RemoveControls"/> then <see cref="RemoveInvisible"/>; returns the same instance when there is nothing to remove.
    /// </summary>
    public static string Clean(string text, out bool controls, out bool invisible) =>
        RemoveInvisible(RemoveControls(text, out controls), out invisible);

    /// <summary>Removes bidi, zero-width and format characters; turns line and paragraph separators into spaces.</summary>
    public static string RemoveInvisible(string text, out bool removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Invisible);
        removed = first >= 0;
        if (!removed)
            return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u2028' or '\u2029')
                builder.Append(' ');
            else if (!Invisible.Contains(c))
                builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Decode(ReadOnlySpan<byte> bytes, out bool invalidUtf8)
    {
        invalidUtf8 = !Utf8.IsValid(bytes);
        // Encoding.UTF8 replaces each invalid sequence with U+FFFD; valid input round-trips byte for byte.
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Removes control characters and escape sequences; returns the same instance when there is nothing to remove.</summary>
    public static string RemoveControls(string text, out bool removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Controls);
        removed = first >= 0;
        if (!removed)
            return text;

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!Controls.Contains(c))
                builder.Append(c);
            else if (c == Esc && i + 1 < text.Length)
                i = SkipEscape(text, i + 1);
            else if (c == C1Csi)
                i = SkipCsi(text, i + 1);
        }
        return builder.ToString();
    }

    // Returns the index of the last character of the sequence that starts after ESC.
    private static int SkipEscape(string text, int next) => text[next] switch
    {
        '[' => SkipCsi(text, next + 1),
        ']' or 'P' or '_' or '^' => SkipString(text, next + 1),
        _ => next,
    };

    // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
    private static int SkipCsi(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] is >= '\u0020' and <= '\u003f')
            i++;
        return i < text.Length && text[i] is >= '\u0040' and <= '\u007e' ? i : i - 1;
    }

    // OSC, DCS, APC, PM: up to BEL or ESC \ (string terminator).
    private static int SkipString(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == Bel)
                return i;
            if (text[i] == Esc && i + 1 < text.Length && text[i + 1] == '\\')
                return i + 1;
        }
        return text.Length - 1;
    }

    private static string ControlChars()
    {
        var chars = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c != '\t')
                chars.Append(c);
        }
        chars.Append('\u007f');
        for (var c = '\u0080'; c <= '\u009f'; c++)
            chars.Append(c);
        return chars.ToString();
    }
}
