using Microsoft.Extensions.Localization;

namespace ChatOps.Web.Dashboard;

/// <summary>
/// A mirror line's words of the server's own (a notice, "server", "→ all"), kept as a resource key and its values so
/// that each page shows them in its own language: the mirror is one buffer shared by every open page.
/// </summary>
public sealed record MirrorPhrase(string Key, params object[] Args)
{
    /// <summary>The phrase in the page's language, or <paramref name="fallback"/> (the English text) when there is none.</summary>
    public static string Show(IStringLocalizer localizer, MirrorPhrase? phrase, string fallback)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return phrase is null ? fallback : localizer[phrase.Key, phrase.Args];
    }
}
