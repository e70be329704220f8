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
    /// <summary>Matches the trimmed line, case-insensitively; <c>arrêt</c> counts too, as French keyboards type it.</summary>
    public static ProtocolWord Parse(ReadOnlySpan<char> line)
    {
        var word = line.Trim();
        if (word.Equals("bye", StringComparison.OrdinalIgnoreCase))
            return ProtocolWord.Bye;
        if (word.Equals("arret", StringComparison.OrdinalIgnoreCase) || word.Equals("arrêt", StringComparison.OrdinalIgnoreCase))
            return ProtocolWord.Arret;
        return ProtocolWord.None;
    }
}
