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
        // Only short lines can be a word: normalising costs nothing on the chat lines that relay.
        if (word.Length is > 3 and <= 8 && !word.IsNormalized())
            word = word.ToString().Normalize();
        if (word.Equals("bye", StringComparison.OrdinalIgnoreCase))
            return ProtocolWord.Bye;
        if (word.Equals("arret", StringComparison.OrdinalIgnoreCase) || word.Equals("arrêt", StringComparison.OrdinalIgnoreCase))
            return ProtocolWord.Arret;
        return ProtocolWord.None;
    }
}
