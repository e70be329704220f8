namespace ChatOps.TcpEngine.Protocol;

/// <summary>The two words of the lab's protocol, plus ordinary chat text.</summary>
public enum ProtocolWord
{
    None,

    /// <summary><c>bye</c>: this client leaves.</summary>
    Bye,

    /// <summary><c>arret</c>: every client and the server stop.</summary>
    Arret,
}

public static class ProtocolWords
{
    /// <summary>
    /// Matches the trimmed line, case-insensitively; <c>arrêt</c> counts too, as French keyboards type it, whether it
    /// arrives composed (NFC) or decomposed (NFD, <c>e</c> + U+0302). Invisible characters are removed before this
    /// (<see cref="TextSanitizer"/>), so a zero-width space never hides a word.
    /// </summary>
    public static ProtocolWord Parse(ReadOnlySpan<char> line)
    {
        var word = line.Trim();
        // NFD's "e" + U+0302 is NFC's "ê". The engine runs with invariant globalization (no ICU), where
        // string.Normalize leaves non-ASCII text as it is, so the combining marks of a short line are dropped instead:
        // "arre\u0302t" becomes "arret". Only lines short enough to be a word pay for it.
        if (word.Length is > 3 and <= 10 && word.ContainsAnyInRange('\u0300', '\u036f'))
            word = WithoutCombiningMarks(word);
        if (word.Equals("bye", StringComparison.OrdinalIgnoreCase))
            return ProtocolWord.Bye;
        if (word.Equals("arret", StringComparison.OrdinalIgnoreCase) || word.Equals("arrêt", StringComparison.OrdinalIgnoreCase))
            return ProtocolWord.Arret;
        return ProtocolWord.None;
    }

    private static string WithoutCombiningMarks(ReadOnlySpan<char> word)
    {
        Span<char> kept = stackalloc char[word.Length];
        var n = 0;
        foreach (var c in word)
        {
            if (c is < '\u0300' or > '\u036f')
                kept[n++] = c;
        }
        return new string(kept[..n]);
    }
}
