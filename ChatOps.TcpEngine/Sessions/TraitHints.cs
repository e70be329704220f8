namespace ChatOps.TcpEngine.Sessions;

/// <summary>A short label and a one-sentence hint for each <see cref="ClientTraits"/> flag: what it means for the student.</summary>
public static class TraitHints
{
    /// <summary>The flags of <paramref name="traits"/>, in declaration order, with their label and hint.</summary>
    public static IEnumerable<(ClientTraits Trait, string Label, string Hint)> Of(ClientTraits traits)
    {
        foreach (var trait in Enum.GetValues<ClientTraits>())
        {
            if (trait != ClientTraits.None && traits.HasFlag(trait))
                yield return (trait, Label(trait), Hint(trait));
        }
    }

    public static string Label(ClientTraits trait) => trait switch
    {
        ClientTraits.LineFeed => "LF",
        ClientTraits.CrLf => "CRLF",
        ClientTraits.BareCr => "CR",
        ClientTraits.CrCrLf => "CR CR LF",
        ClientTraits.NoNewline => "no newline",
        ClientTraits.NulPadded => "NUL-padded",
        ClientTraits.WriteUtf => "writeUTF",
        ClientTraits.Utf16 => "UTF-16",
        ClientTraits.Windows1252 => "Windows-1252",
        ClientTraits.Bom => "BOM",
        ClientTraits.Telnet => "telnet",
        ClientTraits.HalfClosed => "half-closed",
        ClientTraits.InvalidUtf8 => "invalid UTF-8",
        ClientTraits.ControlCharacters => "control chars",
        ClientTraits.Edited => "backspace",
        ClientTraits.FormatCharacters => "invisible chars",
        _ => trait.ToString(),
    };

    public static string Hint(ClientTraits trait) => trait switch
    {
        ClientTraits.LineFeed => "lines end with \\n: what readLine, fgets and nc expect.",
        ClientTraits.CrLf => "lines end with \\r\\n (Windows or telnet): fine here; a server that compares the line with \"bye\" must strip the \\r.",
        ClientTraits.BareCr => "lines end with a bare \\r: works here; a classmate's server that reads lines (readLine, fgets) may wait forever — send \\n.",
        ClientTraits.CrCrLf => "lines end with \\r\\r\\n: \\r\\n written through a Windows text-mode stream, which adds its own \\r — write \\n only.",
        ClientTraits.NoNewline => "messages without newline: works here; a classmate's server that reads lines (readLine, fgets) will wait forever — add \\n.",
        ClientTraits.NulPadded => "the whole fixed-size buffer is sent, zeros included: send only strlen(buffer) bytes.",
        ClientTraits.WriteUtf => "Java writeUTF: each message starts with a 2-byte length; only readUTF understands it — use a PrintWriter with println for text.",
        ClientTraits.Utf16 => "UTF-16: two bytes per character; most programs expect UTF-8 — use Encoding.UTF8 (or new UTF8Encoding(false)).",
        ClientTraits.Windows1252 => "Windows-1252: é and à are not UTF-8 here; decoded anyway — set the console or the stream to UTF-8.",
        ClientTraits.Bom => "a byte order mark (EF BB BF) precedes the text: use new UTF8Encoding(false) or 'utf-8', not 'utf-8-sig'.",
        ClientTraits.Telnet => "telnet negotiation bytes were removed; replies end with \\r\\n for this terminal.",
        ClientTraits.HalfClosed => "the client closed its sending side and still reads the replies (shutdown, nc -N).",
        ClientTraits.InvalidUtf8 => "bytes that are not valid text were replaced with U+FFFD: check the encoding.",
        ClientTraits.ControlCharacters => "control characters or terminal escape sequences were removed before relaying.",
        ClientTraits.Edited => "backspace or DEL corrected the line before it was sent (a character-mode terminal).",
        ClientTraits.FormatCharacters => "invisible characters (bidi, zero-width, line separators) were removed so nobody can fake a line.",
        _ => "",
    };
}
