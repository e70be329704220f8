using System.Globalization;
using System.Resources;

namespace ChatOps.Grading.Localization;

/// <summary>
/// The sentences of the checks' reasons, in English (<c>GradingText.resx</c>) and French (<c>GradingText.fr.resx</c>):
/// the one owner of them for the dashboard and the command. A ResourceManager with an explicit culture rather than
/// IStringLocalizer: the command has no ASP.NET services, and the dashboard passes its page's culture.
/// </summary>
public static class GradingText
{
    private static readonly ResourceManager Resources = new("ChatOps.Grading.Localization.GradingText", typeof(GradingText).Assembly);

    /// <summary>The sentence of <paramref name="reason"/> in <paramref name="culture"/>'s language, its nested reasons too (English unless French).</summary>
    public static string Format(CheckReason reason, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(culture);
        // A key this build does not know (a newer ChatOps's, read from the history): the key and values, never nothing.
        if (Resources.GetString(reason.Key, culture) is not { } sentence)
            return $"{reason.Key}({string.Join(", ", reason.Args)})";
        var args = reason.Args.Select(a => a is CheckReason nested ? Format(nested, culture) : a).ToArray();
        return string.Format(GradingFormat.Instance, sentence, args);
    }
}
