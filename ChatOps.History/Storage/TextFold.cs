namespace ChatOps.History.Storage;

/// <summary>
/// The form of text that History searches compare: lower case, and Latin letters without their diacritics
/// (<c>CAFÉ</c> and <c>café</c> both fold to <c>cafe</c>, <c>Œuvre</c> to <c>oeuvre</c>), so a search finds a word
/// however it was typed.
/// </summary>
/// <remarks>
/// The host runs with InvariantGlobalization (no ICU), where <c>string.Normalize</c> and
/// <c>CompareOptions.IgnoreNonSpace</c> leave accents alone; this small table does not depend on ICU, so a file folded on
/// one machine is searched the same way on another. It covers Latin-1, Latin Extended-A and B and Latin Extended
/// Additional (French, the other Western European languages, Vietnamese...), generated from the Unicode decompositions
/// (the first letter of each letter's canonical decomposition, plus the ligatures and stroked letters that have none).
/// Combining accents typed separately (<c>e</c> + U+0301, as macOS writes) are dropped. Lower case comes from
/// <see cref="char.ToLowerInvariant"/>, which knows every script even in invariant mode.
/// </remarks>
internal static class TextFold
{
    private const char Keep = '.';
    private const char Several = '*';

    // One entry per code point from U+00C0: the folded letter, '.' for "no fold" or '*' for the ligatures below.
    private const string Latin =
        "aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*yaaaaaaccccccccddddeeeeeeeeeegggggggg" +
        "hhhhiiiiiiiiii**jjkk.llllllllllnnnnnnn..oooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsb......." +
        ".d.............i........oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoo" +
        "oo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy...............b............";

    // One entry per code point from U+1E00 (Latin Extended Additional).
    private const string LatinAdditional =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssss" +
        "ssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy....*.aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeee" +
        "iiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower < 0x80)
                folded.Append(lower);
            else if (lower is >= '\u0300' and <= '\u036f')
                continue;
            else
                Append(folded, c, lower);
        }
        return folded.ToString();
    }

    private static void Append(System.Text.StringBuilder folded, char original, char lower)
    {
        var entry = Entry(lower);
        if (entry == Keep)
            entry = Entry(original);
        if (entry == Several)
            folded.Append(Ligature(original));
        else
            folded.Append(entry == Keep ? lower : entry);
    }

    private static char Entry(char c) => c switch
    {
        >= '\u00c0' and < '\u0250' => Latin[c - 0xC0],
        >= '\u1e00' and < '\u1f00' => LatinAdditional[c - 0x1E00],
        _ => Keep,
    };

    private static string Ligature(char c) => c switch
    {
        'Æ' => "ae",
        'Þ' => "th",
        'ß' => "ss",
        'æ' => "ae",
        'þ' => "th",
        'Ĳ' => "ij",
        'ĳ' => "ij",
        'Œ' => "oe",
        'œ' => "oe",
        'ẞ' => "ss",
        _ => c.ToString(),
    };
}
