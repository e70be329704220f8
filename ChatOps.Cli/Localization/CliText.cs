using System.Globalization;
using System.Resources;

namespace ChatOps.Cli.Localization;

/// <summary>
/// The console's words, in the system's language (<see cref="CultureInfo.CurrentUICulture"/>: <c>LANG</c>, <c>LC_ALL</c>
/// on Linux and macOS, the display language on Windows): <c>CliText.resx</c> (English) and <c>CliText.fr.resx</c>.
/// A ResourceManager rather than IStringLocalizer: chatops is a console program, without ASP.NET's localization services.
/// Numbers keep the invariant format, as in the rest of the output.
/// </summary>
internal static class CliText
{
    private static readonly ResourceManager Resources = new("ChatOps.Cli.Localization.CliText", typeof(CliText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(key), args);
}
